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
}

declare global {
  interface Window {
    __r2g: ViewerHooks;
  }
}
