/**
 * Viewer options: interface → defaults → resolve → validate. A bad option fails early, with a message
 * naming the option and what was expected.
 */
import { NODE_TYPES, type NodeType, type RelationType } from '../../src/graph/model.js';

export type Shape = 'circle' | 'square';

export interface ViewerOptions {
  colors: Record<NodeType, string>;
  shapes: Record<NodeType, Shape>;
  relationColors: Record<RelationType, string>;
  dimColor: string;
  highlightColor: string;
  /** Node sizes: base, and growth with the square root of degree. */
  nodeSize: { base: number; perDegree: number; max: number };
  /** Above this many nodes the viewer lightens rendering (edges hidden while moving, fewer labels). */
  largeGraph: number;
  /**
   * On a large graph, types not drawn until the user ticks them (their nodes stay in the side panel of
   * the node they belong to), and laid out around that node instead of by the force layout.
   */
  hiddenWhenLarge: NodeType[];
  /** Items the side panel shows at first in each relation's group (the rest with a button). */
  panelGroupLimit: number;
  /** ForceAtlas2 iterations for a graph of n nodes. */
  layoutIterations: (n: number) => number;
  /** The random seed of the initial layout: the same graph looks the same each time. */
  seed: number;
}

export const DEFAULT_OPTIONS: ViewerOptions = {
  colors: { Agency: '#cf222e', Regulation: '#0969da', Program: '#1a7f37', Metric: '#9a6700' },
  shapes: { Agency: 'square', Regulation: 'square', Program: 'circle', Metric: 'circle' },
  relationColors: { ISSUED: '#54aeff', IMPLEMENTED: '#4ac26b', MEASURED: '#d4a72c' },
  dimColor: '#eaeef2',
  highlightColor: '#8250df',
  nodeSize: { base: 3, perDegree: 1.6, max: 18 },
  largeGraph: 5000,
  hiddenWhenLarge: ['Metric'],
  panelGroupLimit: 50,
  layoutIterations: (n) => (n <= 2000 ? 300 : n <= 10_000 ? 40 : 15),
  seed: 1,
};

export class ViewerOptionsError extends Error {
  override name = 'ViewerOptionsError';
}

export type PartialOptions = Partial<Omit<ViewerOptions, 'nodeSize'>> & { nodeSize?: Partial<ViewerOptions['nodeSize']> };

export function resolveOptions(partial: PartialOptions = {}): ViewerOptions {
  const options: ViewerOptions = {
    ...DEFAULT_OPTIONS,
    ...partial,
    colors: { ...DEFAULT_OPTIONS.colors, ...partial.colors },
    shapes: { ...DEFAULT_OPTIONS.shapes, ...partial.shapes },
    relationColors: { ...DEFAULT_OPTIONS.relationColors, ...partial.relationColors },
    nodeSize: { ...DEFAULT_OPTIONS.nodeSize, ...partial.nodeSize },
  };
  validateOptions(options);
  return options;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export function validateOptions(o: ViewerOptions): void {
  const fail = (what: string) => {
    throw new ViewerOptionsError(`resolveOptions: ${what}`);
  };
  for (const [k, v] of Object.entries({ ...o.colors, ...o.relationColors, dimColor: o.dimColor, highlightColor: o.highlightColor })) {
    if (!HEX.test(v)) fail(`${k} must be a colour like #1a7f37, not ${JSON.stringify(v)}.`);
  }
  for (const [k, v] of Object.entries(o.shapes)) if (v !== 'circle' && v !== 'square') fail(`shapes.${k} must be "circle" or "square", not ${JSON.stringify(v)}.`);
  for (const [k, v] of Object.entries(o.nodeSize)) if (!(typeof v === 'number' && v >= 0)) fail(`nodeSize.${k} must be a number ≥ 0.`);
  if (!(Number.isInteger(o.largeGraph) && o.largeGraph > 0)) fail('largeGraph must be a whole number above 0.');
  if (!Array.isArray(o.hiddenWhenLarge) || o.hiddenWhenLarge.some((t) => !NODE_TYPES.includes(t))) fail(`hiddenWhenLarge must list node types (${NODE_TYPES.join(', ')}), not ${JSON.stringify(o.hiddenWhenLarge)}.`);
  if (!(Number.isInteger(o.panelGroupLimit) && o.panelGroupLimit > 0)) fail('panelGroupLimit must be a whole number above 0.');
  if (typeof o.layoutIterations !== 'function') fail('layoutIterations must be a function of the node count.');
}
