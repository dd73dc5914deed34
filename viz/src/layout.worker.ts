/// <reference lib="webworker" />
/** The layout runs here, off the page's thread. */
import { layout, type LayoutRequest } from './layout.js';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(layout(event.data));
};
