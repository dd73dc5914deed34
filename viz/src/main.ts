/**
 * The report2graph viewer: find an agency, follow what it issued and ran and what it measured, read the
 * sentence that says so, and take the visible subgraph elsewhere.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { NodeSquareProgram } from '@sigma/node-square';
import { NodeCircleProgram } from 'sigma/rendering';
import { NODE_TYPES, RELATION_TYPES, type EdgeAttributes, type NodeAttributes, type NodeType, type RelationType, type SerializedGraph, type Status } from '../../src/graph/model.js';
import { download, exportText, type ExportFormat } from './exporters.js';
import type { LayoutRequest, LayoutResult } from './layout.js';
import { resolveOptions } from './options.js';
import { renderPanel } from './panel.js';
import { makeReducers } from './reducers.js';
import { buildSearchIndex, type SearchIndex } from './search.js';
import { initialState } from './state.js';
import { neighbourhood, traceAgency } from './trace.js';
import { nodeVisible, visibleSubgraph, type ViewerGraph } from './visibility.js';
import type {} from './hooks.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const options = resolveOptions();
const state = initialState();
let graph: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
let graphAttributes: SerializedGraph['attributes'] = { documents: [], extractorVersion: '' };
let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
let index: SearchIndex = buildSearchIndex(graph);
let readyResolve: () => void = () => {};
let readyReject: (error: Error) => void = () => {};
let ready = newReady();

function newReady(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
}

const isLarge = (g: ViewerGraph) => g.order > options.largeGraph;

/** The graph's size, and on a large graph which types its filters leave undrawn. */
function graphStatus() {
  const undrawn = isLarge(graph) ? options.hiddenWhenLarge.filter((t) => !state.types.has(t)) : [];
  const count = undrawn.length ? graph.filterNodes((_k, a) => undrawn.includes(a.type)).length : 0;
  setStatus(
    `${graph.order} nodes, ${graph.size} relations · ${graphAttributes.documents.length} document(s)` +
      (count ? ` · large graph: ${count} ${undrawn.join(', ')} nodes not drawn (tick them to draw; the side panel lists them)` : ''),
  );
}

function setStatus(text: string) {
  $('#status').textContent = text;
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${url}: HTTP ${res.status}`);
  return body;
}

/**
 * On a large graph, nodes of the types not drawn by default (metrics) are satellites of the node they
 * belong to — the first node of a drawn type with an edge to them — instead of being laid out.
 */
function satellitesOf(g: ViewerGraph, large: boolean): Array<[string, string]> {
  if (!large) return [];
  const hidden = new Set<NodeType>(options.hiddenWhenLarge);
  const satellites: Array<[string, string]> = [];
  g.forEachNode((key, a) => {
    if (!hidden.has(a.type)) return;
    const anchor = g.findInNeighbor(key, (_n, na) => !hidden.has(na.type));
    if (anchor !== undefined) satellites.push([key, anchor]);
  });
  return satellites;
}

function runLayout(g: ViewerGraph, large: boolean): Promise<LayoutResult> {
  const satellites = satellitesOf(g, large);
  const request: LayoutRequest = { nodes: g.nodes(), edges: g.mapEdges((_e, _a, s, t) => [s, t] as [string, string]), iterations: options.layoutIterations(g.order - satellites.length), seed: options.seed, satellites };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}

function refresh() {
  renderer?.refresh({ skipIndexation: true });
}

function select(key: string | null) {
  state.selected = key;
  if (key === null) state.traced = null;
  else state.traced = graph.getNodeAttribute(key, 'type') === 'Agency' ? traceAgency(graph, key) : neighbourhood(graph, key);
  renderPanel($('#panel'), graph, key, options.panelGroupLimit);
  refresh();
}

function centerOn(key: string) {
  if (!renderer) return;
  const data = renderer.getNodeDisplayData(key);
  if (data) renderer.getCamera().animate({ x: data.x, y: data.y, ratio: 0.25 }, { duration: 300 });
}

async function show(serialized: SerializedGraph) {
  setStatus('laying out…');
  const g: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  g.import(serialized as never);
  const large = isLarge(g);
  const { positions } = await runLayout(g, large);
  // Positions are layout, not style: they go on the graph so sigma can index them.
  g.updateEachNodeAttributes((key, a) => ({ ...a, x: positions[key]![0], y: positions[key]![1] }));
  graph = g;
  graphAttributes = serialized.attributes;
  index = buildSearchIndex(graph);
  state.selected = null;
  state.traced = null;
  state.hovered = null;
  // A large graph opens without the types it would be slow to draw; the user can tick them.
  const notDrawn = large ? options.hiddenWhenLarge : [];
  state.types = new Set(NODE_TYPES.filter((t) => !notDrawn.includes(t)));
  document.querySelectorAll<HTMLInputElement>('#type-filters input').forEach((box) => (box.checked = state.types.has(box.dataset.filter as NodeType)));
  renderer?.kill();
  const { nodeReducer, edgeReducer } = makeReducers(graph, state, options, large);
  const sigma = new Sigma<NodeAttributes, EdgeAttributes>(graph as never, $('#graph'), {
    nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
    defaultNodeType: 'circle',
    defaultEdgeType: 'arrow',
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
    renderEdgeLabels: false,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: large ? 14 : 6,
    labelDensity: large ? 0.3 : 1,
    labelFont: '"Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif',
    zIndex: true,
  });
  renderer = sigma;
  sigma.on('clickNode', ({ node }) => select(node));
  sigma.on('clickStage', () => select(null));
  // Hovering restyles the nodes it enters and leaves, not the graph: a full refresh would run the
  // reducers over every node and edge for each node the pointer crosses.
  const hover = (node: string | null) => {
    const previous = state.hovered;
    state.hovered = node;
    const nodes = [previous, node].filter((n): n is string => n !== null && graph.hasNode(n));
    if (nodes.length) sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
  };
  sigma.on('enterNode', ({ node }) => hover(node));
  sigma.on('leaveNode', () => hover(null));
  updateDegreeRange();
  renderPanel($('#panel'), graph, null, options.panelGroupLimit);
  graphStatus();
  await new Promise<void>((r) => requestAnimationFrame(() => r()));
  readyResolve();
}

function updateDegreeRange() {
  let max = 0;
  graph.forEachNode((key) => (max = Math.max(max, graph.degree(key))));
  const slider = $<HTMLInputElement>('#min-degree');
  slider.max = String(Math.max(1, Math.min(max, 50)));
}

function legend() {
  const list = $('#legend');
  for (const type of NODE_TYPES) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${options.shapes[type]}`;
    swatch.style.background = options.colors[type];
    li.append(swatch, document.createTextNode(type));
    list.append(li);
  }
  for (const type of RELATION_TYPES) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = options.relationColors[type];
    swatch.style.height = '3px';
    li.append(swatch, document.createTextNode(type));
    list.append(li);
  }
}

function filters() {
  const box = (container: string, value: string, onChange: (on: boolean) => void) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    input.dataset.filter = value;
    input.addEventListener('change', () => {
      onChange(input.checked);
      refresh();
    });
    label.append(input, document.createTextNode(` ${value}`));
    $(container).append(label);
  };
  for (const t of NODE_TYPES)
    box('#type-filters', t, (on) => {
      if (on) state.types.add(t);
      else state.types.delete(t);
      graphStatus();
    });
  for (const r of RELATION_TYPES) box('#relation-filters', r, (on) => (on ? state.relations.add(r as RelationType) : state.relations.delete(r as RelationType)));
  document.querySelectorAll<HTMLInputElement>('input[data-status]').forEach((input) =>
    input.addEventListener('change', () => {
      const s = input.dataset.status as Status;
      if (input.checked) state.statuses.add(s);
      else state.statuses.delete(s);
      refresh();
    }),
  );
  const slider = $<HTMLInputElement>('#min-degree');
  slider.addEventListener('input', () => {
    state.minDegree = Number(slider.value);
    $('#degree-value').textContent = slider.value;
    refresh();
  });
}

function searchBox() {
  const input = $<HTMLInputElement>('#search');
  const list = $<HTMLUListElement>('#suggestions');
  let matches: ReturnType<SearchIndex['search']> = [];
  const choose = (key: string) => {
    list.hidden = true;
    input.value = graph.getNodeAttribute(key, 'name');
    select(key);
    centerOn(key);
  };
  input.addEventListener('input', () => {
    matches = index.search(input.value);
    list.replaceChildren(
      ...matches.map((m, i) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.dataset.key = m.key;
        li.setAttribute('aria-selected', String(i === 0));
        li.append(document.createTextNode(m.name));
        const small = document.createElement('small');
        small.textContent = m.via ? `${m.type} · ${m.via}` : m.type;
        li.append(small);
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(m.key);
        });
        return li;
      }),
    );
    list.hidden = matches.length === 0;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && matches[0]) choose(matches[0].key);
    if (event.key === 'Escape') list.hidden = true;
  });
}

function exports() {
  document.querySelectorAll<HTMLButtonElement>('button[data-export]').forEach((button) =>
    button.addEventListener('click', () => {
      const format = button.dataset.export as ExportFormat;
      const sub = visibleSubgraph(graph, state, graphAttributes);
      const mime = format === 'json' ? 'application/json' : 'application/xml';
      download(exportText(sub, format), `report2graph-subgraph.${format}`, mime);
    }),
  );
}

async function cypherBox() {
  const info = await fetchJson<{ cypher: boolean }>('/api/info');
  if (!info.cypher) return;
  $('#cypher-box').hidden = false;
  $('#run-cypher').addEventListener('click', async () => {
    const message = $('#cypher-message');
    message.textContent = '';
    try {
      const sub = await fetchJson<SerializedGraph>('/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: $<HTMLTextAreaElement>('#cypher').value }) });
      ready = newReady();
      await show(sub);
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  });
}

/** Hooks for browser tests and benchmarks (types in hooks.d.ts). */
window.__r2g = {
  ready: () => ready,
  renderedNodeCount: () => (renderer ? graph.filterNodes((k) => !renderer!.getNodeDisplayData(k)?.hidden).length : 0),
  graphNodeCount: () => graph.order,
  visibleNodeKeys: () => graph.filterNodes((k) => nodeVisible(graph, k, state)).sort(),
  visibleEdgeKeys: () => visibleSubgraph(graph, state, graphAttributes).edges.map((e) => e.key).sort(),
  screenPosition: (key) => {
    const data = renderer?.getNodeDisplayData(key);
    if (!renderer || !data) return null;
    const p = renderer.framedGraphToViewport(data);
    const rect = $('#graph').getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  },
  selected: () => state.selected,
  renderer: () => renderer as never,
};

legend();
filters();
searchBox();
exports();
void cypherBox().catch((error: Error) => setStatus(error.message));
fetchJson<SerializedGraph>('/api/graph')
  .then(show)
  .catch((error: Error) => {
    setStatus(`cannot load the graph: ${error.message}`);
    readyReject(error);
  });
