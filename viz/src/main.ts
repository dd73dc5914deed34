/**
 * The report2graph viewer: find an agency, follow what it issued and ran and what it measured, read the
 * sentence that says so, and take the visible subgraph elsewhere. A small graph comes whole and is laid
 * out here; a large one stays on the server: the viewer opens on its overview and loads what is asked for
 * (search, expand, path), under the report filters, and keeps the view in the URL.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { NodeSquareProgram } from '@sigma/node-square';
import { NodeCircleProgram } from 'sigma/rendering';
import { NODE_TYPES, RELATION_TYPES, type EdgeAttributes, type NodeAttributes, type NodeType, type RelationType, type SerializedGraph, type Status } from '../../src/graph/model.js';
import { downloadAsPNG } from '@sigma/export-image';
import { allowedDocuments, pathBetween } from '../../src/graph/view.js';
import { download, exportText, type ExportFormat } from './exporters.js';
import { addOverview, collapse, mergeView } from './explore.js';
import { api, fetchJson, received, type Info } from './remote.js';
import { readUrl, writeUrl } from './url.js';
import type { LayoutRequest, LayoutResult } from './layout.js';
import { resolveOptions } from './options.js';
import { renderPanel, renderPath } from './panel.js';
import { renderTime } from './time.js';
import { correctionTools } from './correct.js';
import { makeReducers } from './reducers.js';
import { buildSearchIndex, type Match, type SearchIndex } from '../../src/graph/search.js';
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
let info: Info | null = null;
/** Exploring a graph kept on the server (the overview and what was expanded), not holding it whole. */
let exploring = false;
/** The overview's nodes, and what each expansion added (for collapse). */
let overviewNodes = new Set<string>();
const expansions = new Map<string, string[]>();
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
  if (exploring && info) {
    setStatus(`${info.nodes} nodes, ${info.relations} relations on the server · ${info.documents.length} report(s) · ${graph.order} loaded — search, or click an agency to expand it`);
    return;
  }
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
  if (key === null || !graph.hasNode(key)) {
    state.selected = null;
    state.traced = null;
    state.pathTo = null;
  } else state.traced = graph.getNodeAttribute(key, 'type') === 'Agency' ? traceAgency(graph, key) : neighbourhood(graph, key);
  renderPanel($('#panel'), graph, state.selected, options.panelGroupLimit, graphAttributes.documents);
  panelActions();
  if (state.selected !== null) void showTime(state.selected);
  refresh();
  syncUrl();
}

/** The entity over the years, from the server (which holds every report), below its details once it comes. */
async function showTime(key: string) {
  const panel = $('#panel');
  try {
    const view = await api.time(key);
    if (state.selected !== key) return;
    const { section, draw } = renderTime(view);
    const details = panel.querySelector('dl');
    if (details) details.after(section);
    else panel.append(section);
    draw();
  } catch (error) {
    if (state.selected !== key) return;
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = `Over the years: ${(error as Error).message}`;
    panel.append(note);
  }
}

/**
 * What the user asks for runs one at a time, in order (a second slider move while the first one's
 * reload is under way waits for it): each event handler goes through here, never the steps inside.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial(task: () => Promise<void> | void): Promise<void> {
  const run = queue.then(task);
  queue = run.catch((error: Error) => setStatus(error.message));
  return queue as Promise<void>;
}

/** Click: select, and when exploring, expand what is not expanded yet. */
async function open(key: string) {
  if (exploring && !state.expanded.includes(key)) await expand(key);
  select(key);
}

function centerOn(key: string) {
  if (!renderer) return;
  const data = renderer.getNodeDisplayData(key);
  if (data) renderer.getCamera().animate({ x: data.x, y: data.y, ratio: 0.25 }, { duration: 300 });
}

/** Documents cited by a part of the graph join those the viewer knows (for the panel's damage marks). */
function addDocuments(part: SerializedGraph) {
  const known = new Set(graphAttributes.documents.map((d) => d.id));
  graphAttributes = { ...graphAttributes, documents: [...graphAttributes.documents, ...part.attributes.documents.filter((d) => !known.has(d.id))] };
}

/** Load an entity's neighbourhood from the server into the graph, around it. */
async function expand(key: string) {
  setStatus('loading…');
  const view = await api.neighbourhood(state, key);
  addDocuments(view.graph);
  const added = mergeView(graph, view.graph, graph.hasNode(key) ? key : null);
  expansions.set(key, added);
  if (!state.expanded.includes(key)) state.expanded.push(key);
  graphStatus();
  if (view.truncated) setStatus(`${$('#status').textContent} · ${key}: only the first ${view.graph.nodes.length} neighbours (narrow the filters)`);
}

/** Take out what expanding `key` added (what the overview or another expansion holds stays). */
function collapseNode(key: string) {
  const kept = new Set(overviewNodes);
  for (const [k, added] of expansions) if (k !== key) for (const n of added) kept.add(n);
  // The nodes expanded, this one too, stay.
  for (const k of state.expanded) kept.add(k);
  collapse(graph, expansions.get(key) ?? [], kept);
  expansions.delete(key);
  state.expanded = state.expanded.filter((k) => k !== key);
  if (state.selected && !graph.hasNode(state.selected)) state.selected = null;
  select(state.selected);
  graphStatus();
}

/** The chain of facts between the selection and `to`: from the server when exploring, else from the graph held. */
async function drawPath(to: string) {
  const from = state.selected;
  if (!from) return;
  let nodes: Set<string>;
  let edges: Set<string>;
  if (exploring) {
    const view = await api.path(state, from, to);
    addDocuments(view.graph);
    mergeView(graph, view.graph, from);
    nodes = new Set(view.graph.nodes.map((n) => n.key));
    edges = new Set(view.graph.edges.map((e) => e.key));
  } else {
    const found = pathBetween(graph, graphAttributes.documents, from, to, reportFilter());
    if (!found) throw new Error('No chain of facts joins these two entities under the filters.');
    ({ nodes, edges } = found);
  }
  state.pathTo = to;
  state.traced = { nodes, edges };
  renderPanel($('#panel'), graph, from, options.panelGroupLimit, graphAttributes.documents);
  panelActions();
  const order = chainOrder(from, nodes, edges);
  const chain = document.createElement('p');
  chain.className = 'path-result';
  chain.textContent = `Path: ${order.map((k) => graph.getNodeAttribute(k, 'name')).join(' — ')} (${edges.size} facts)`;
  $('#panel').querySelector('.path-tools')?.append(chain, renderPath(graph, order, edges, graphAttributes.documents));
  refresh();
  syncUrl();
}

/** A path's nodes in order from `from`, following its edges. */
function chainOrder(from: string, nodes: Set<string>, edges: Set<string>): string[] {
  const order = [from];
  const left = new Set(edges);
  for (let at = from; left.size > 0; ) {
    const edge = [...left].find((e) => graph.hasEdge(e) && (graph.source(e) === at || graph.target(e) === at));
    if (!edge) break;
    left.delete(edge);
    at = graph.opposite(at, edge);
    order.push(at);
  }
  return order.length === nodes.size ? order : [...nodes];
}

/** Expand, collapse and path tools under the panel's heading. */
function panelActions() {
  const key = state.selected;
  const heading = $('#panel').querySelector('h2');
  if (!key || !heading) return;
  const tools = document.createElement('div');
  tools.className = 'path-tools';
  if (exploring) {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = state.expanded.includes(key) ? 'collapse' : 'expand';
    toggle.textContent = state.expanded.includes(key) ? 'Collapse' : 'Expand';
    toggle.addEventListener('click', () =>
      void serial(async () => {
        if (state.expanded.includes(key)) collapseNode(key);
        else {
          await expand(key);
          select(key);
        }
      }),
    );
    tools.append(toggle);
  }
  const input = document.createElement('input');
  input.type = 'search';
  input.id = 'path-to';
  input.placeholder = 'Path to… (name)';
  input.setAttribute('aria-label', 'path to');
  const list = document.createElement('ul');
  list.id = 'path-suggestions';
  list.hidden = true;
  suggest(input, list, (m) => serial(() => drawPath(m.key)));
  tools.append(input, list);
  heading.after(tools);
  if (info?.corrections && graph.hasNode(key) && graph.getNodeAttribute(key, 'type') !== 'Metric') {
    const corrections = correctionTools(key, graph.getNodeAttributes(key), (box, items, pick) => suggest(box, items, (m) => pick(m.key)), (answer) => {
      // Reopen on what the correction left (the merged entity, the renamed one), from the server.
      state.selected = answer.key && answer.outcome.op !== 'reject' ? answer.key : null;
      syncUrl();
      location.reload();
    });
    tools.after(corrections);
  }
}

/** The report filters as a view filter (for what is computed here). */
function reportFilter() {
  return {
    ...(state.yearFrom !== null ? { yearFrom: state.yearFrom } : {}),
    ...(state.yearTo !== null ? { yearTo: state.yearTo } : {}),
    ...(state.doc ? { docs: [state.doc] } : {}),
    ...(state.jurisdiction ? { jurisdictions: [state.jurisdiction] } : {}),
  };
}

function syncUrl() {
  if (!renderer || restoring) return;
  history.replaceState(null, '', writeUrl(state, renderer.getCamera().getState()));
}
let restoring = false;

/** Draw a graph that has its positions. */
function draw(g: ViewerGraph, attributes: SerializedGraph['attributes']) {
  graph = g;
  graphAttributes = attributes;
  index = buildSearchIndex(graph);
  state.selected = null;
  state.traced = null;
  state.hovered = null;
  const large = isLarge(g);
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
  sigma.on('clickNode', ({ node }) => void serial(() => open(node)));
  sigma.on('clickStage', () => void serial(() => select(null)));
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
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on('updated', () => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(syncUrl, 200);
  });
  updateDegreeRange();
  renderPanel($('#panel'), graph, null, options.panelGroupLimit, graphAttributes.documents);
  graphStatus();
}

/** A graph sent whole: laid out here, drawn whole. */
async function show(serialized: SerializedGraph) {
  setStatus('laying out…');
  const g: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  g.import(serialized as never);
  const { positions } = await runLayout(g, isLarge(g));
  // Positions are layout, not style: they go on the graph so sigma can index them.
  g.updateEachNodeAttributes((key, a) => ({ ...a, x: positions[key]![0], y: positions[key]![1] }));
  // A large graph opens without the types it would be slow to draw; the user can tick them.
  const notDrawn = isLarge(g) ? options.hiddenWhenLarge : [];
  state.types = new Set(NODE_TYPES.filter((t) => !notDrawn.includes(t)));
  showFilters();
  exploring = false;
  draw(g, serialized.attributes);
  await new Promise<void>((r) => requestAnimationFrame(() => r()));
}

/** A graph kept on the server: its overview, then what the URL says was expanded, selected and traced. */
async function explore() {
  setStatus('loading the overview…');
  const overview = await api.overview(state);
  const g: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  addOverview(g, overview);
  exploring = true;
  overviewNodes = new Set(g.nodes());
  expansions.clear();
  draw(g, { documents: [], extractorVersion: '' });
  renderOverview(overview);
}

function renderOverview(overview: Awaited<ReturnType<typeof api.overview>>) {
  const list = $('#overview');
  list.hidden = false;
  const items = overview.groups.map((g) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.group = g.id;
    button.textContent = `${g.label} · ${g.agencyCount} agencies · ${g.facts} facts`;
    button.addEventListener('click', () => g.agencies[0] && centerOn(g.agencies[0].key));
    const years = document.createElement('small');
    years.textContent = g.reports.map((r) => `${r.year ?? '?'}${r.count > 1 ? `×${r.count}` : ''}`).join(' ');
    li.append(button, years);
    return li;
  });
  $('#overview-groups').replaceChildren(...items);
}

/** Open the view the URL describes (filters first, then expansions in order, the selection, the path, the camera). */
async function restore() {
  const view = readUrl(location.hash);
  restoring = true;
  try {
    Object.assign(state, { yearFrom: view.yearFrom, yearTo: view.yearTo, doc: view.doc, jurisdiction: view.jurisdiction, minDegree: view.minDegree });
    if (view.types) state.types = new Set(view.types);
    if (view.relations) state.relations = new Set(view.relations);
    if (view.statuses) state.statuses = new Set(view.statuses);
    showFilters();
    reportControls();
    if (exploring) {
      await explore();
      for (const key of view.expanded) await expand(key);
    }
    if (view.selected && graph.hasNode(view.selected)) select(view.selected);
    if (view.pathTo && state.selected) await drawPath(view.pathTo);
    if (view.camera) renderer?.getCamera().setState(view.camera);
  } finally {
    restoring = false;
  }
  refresh();
  syncUrl();
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
      syncUrl();
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
      syncUrl();
    }),
  );
  const slider = $<HTMLInputElement>('#min-degree');
  slider.addEventListener('input', () => {
    state.minDegree = Number(slider.value);
    $('#degree-value').textContent = slider.value;
    refresh();
    syncUrl();
  });
}

/** The filter controls as the state has them (after the URL set it). */
function showFilters() {
  document.querySelectorAll<HTMLInputElement>('#type-filters input').forEach((box) => (box.checked = state.types.has(box.dataset.filter as NodeType)));
  document.querySelectorAll<HTMLInputElement>('#relation-filters input').forEach((box) => (box.checked = state.relations.has(box.dataset.filter as RelationType)));
  document.querySelectorAll<HTMLInputElement>('input[data-status]').forEach((box) => (box.checked = state.statuses.has(box.dataset.status as Status)));
  $<HTMLInputElement>('#min-degree').value = String(state.minDegree);
  $('#degree-value').textContent = String(state.minDegree);
}

/**
 * Suggestions under a search box: from the graph held, or from the server when exploring; Enter or a
 * click chooses.
 */
function suggest(input: HTMLInputElement, list: HTMLUListElement, choose: (m: Match) => void | Promise<void>) {
  let matches: Match[] = [];
  let asked = 0;
  const pick = (m: Match) => {
    list.hidden = true;
    input.value = m.name;
    void choose(m);
  };
  input.addEventListener('input', async () => {
    const ticket = ++asked;
    const found = exploring ? await api.search(input.value).catch(() => []) : index.search(input.value);
    if (ticket !== asked) return;
    matches = found;
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
          pick(m);
        });
        return li;
      }),
    );
    list.hidden = matches.length === 0;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && matches[0]) pick(matches[0]);
    if (event.key === 'Escape') list.hidden = true;
  });
}

function searchBox() {
  suggest($<HTMLInputElement>('#search'), $<HTMLUListElement>('#suggestions'), (m) =>
    serial(async () => {
      await open(m.key);
      centerOn(m.key);
    }),
  );
}

/** The report filters: a range of years reviewed (two sliders), a report, a jurisdiction. */
function reportControls() {
  const docs = info?.documents ?? graphAttributes.documents;
  const years = docs.map((d) => d.year).filter((y): y is number => y !== null);
  const section = $('#report-filters');
  if (years.length === 0) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const [min, max] = [Math.min(...years), Math.max(...years)];
  const from = $<HTMLInputElement>('#year-from');
  const to = $<HTMLInputElement>('#year-to');
  for (const slider of [from, to]) Object.assign(slider, { min: String(min), max: String(max) });
  from.value = String(state.yearFrom ?? min);
  to.value = String(state.yearTo ?? max);
  const showYears = () => ($('#year-range').textContent = `${from.value}–${to.value}`);
  showYears();
  const option = (value: string, text: string) => Object.assign(document.createElement('option'), { value, textContent: text });
  const docSelect = $<HTMLSelectElement>('#doc-filter');
  docSelect.replaceChildren(option('', 'every report'), ...[...docs].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => option(d.id, d.title)));
  docSelect.value = state.doc ?? '';
  const places = [...new Set(docs.map((d) => d.jurisdiction).filter((j): j is string => !!j))].sort();
  const placeSelect = $<HTMLSelectElement>('#jurisdiction-filter');
  placeSelect.replaceChildren(option('', 'every jurisdiction'), ...places.map((p) => option(p, p)));
  placeSelect.value = state.jurisdiction ?? '';
  applyReportFilter(false);
  if (section.dataset.bound) return;
  section.dataset.bound = '1';
  const changed = async () => {
    const a = Math.min(Number(from.value), Number(to.value));
    const b = Math.max(Number(from.value), Number(to.value));
    state.yearFrom = a === min ? null : a;
    state.yearTo = b === max ? null : b;
    state.doc = docSelect.value || null;
    state.jurisdiction = placeSelect.value || null;
    showYears();
    await applyReportFilter(true);
  };
  for (const control of [from, to, docSelect, placeSelect]) control.addEventListener('change', () => void serial(changed));
  for (const slider of [from, to]) slider.addEventListener('input', showYears);
}

/** Apply the report filters: here on the graph held; when exploring, also on the server (the overview and the expansions again). */
async function applyReportFilter(reload: boolean) {
  state.allowedDocs = allowedDocuments(info?.documents ?? graphAttributes.documents, reportFilter());
  if (reload && exploring) {
    const expanded = [...state.expanded];
    const selected = state.selected;
    state.expanded = [];
    await explore();
    for (const key of expanded) await expand(key);
    if (selected && graph.hasNode(selected)) select(selected);
  }
  refresh();
  syncUrl();
}

function exports() {
  document.querySelectorAll<HTMLButtonElement>('button[data-export]').forEach((button) =>
    button.addEventListener('click', () => {
      if (button.dataset.export === 'png') {
        if (renderer) void downloadAsPNG(renderer as never, { fileName: 'report2graph-view', backgroundColor: '#ffffff' });
        return;
      }
      const format = button.dataset.export as ExportFormat;
      const sub = visibleSubgraph(graph, state, graphAttributes);
      const mime = format === 'json' ? 'application/json' : 'application/xml';
      download(exportText(sub, format), `report2graph-subgraph.${format}`, mime);
    }),
  );
}

function cypherBox() {
  if (!info?.cypher) return;
  $('#cypher-box').hidden = false;
  $('#run-cypher').addEventListener('click', async () => {
    const message = $('#cypher-message');
    message.textContent = '';
    try {
      const sub = await fetchJson<SerializedGraph>('/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: $<HTMLTextAreaElement>('#cypher').value }) });
      ready = newReady();
      $('#overview').hidden = true;
      await show(sub);
      readyResolve();
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
  exploring: () => exploring,
  receivedBytes: () => received.bytes,
  traced: () => (state.traced ? { nodes: [...state.traced.nodes].sort(), edges: [...state.traced.edges].sort() } : null),
};

/** Open: the whole graph when it is small, else the overview; then the view the URL describes. */
async function start() {
  info = await api.info();
  cypherBox();
  if (info.whole) await show(await api.graph());
  // A large graph: restore() opens its overview under the URL's filters.
  else exploring = true;
  await restore();
  await new Promise<void>((r) => requestAnimationFrame(() => r()));
  readyResolve();
}

legend();
filters();
searchBox();
exports();
start().catch((error: Error) => {
  setStatus(`cannot load the graph: ${error.message}`);
  readyReject(error);
});
