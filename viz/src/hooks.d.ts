/** The hooks the viewer puts on `window` for browser tests and benchmarks. */
import type Sigma from 'sigma';

export interface ViewerHooks {
  ready: () => Promise<void>;
  renderedNodeCount: () => number;
  graphNodeCount: () => number;
  visibleNodeKeys: () => string[];
  visibleEdgeKeys: () => string[];
  screenPosition: (key: string) => { x: number; y: number } | null;
  selected: () => string | null;
  renderer: () => Sigma | null;
  /** True when the graph stays on the server and the viewer shows its overview and what was expanded. */
  exploring: () => boolean;
  /** Characters of API answers received so far. */
  receivedBytes: () => number;
  /** What the selection's trace or path highlights. */
  traced: () => { nodes: string[]; edges: string[] } | null;
}

declare global {
  interface Window {
    __r2g: ViewerHooks;
  }
}
