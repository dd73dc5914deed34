/** Styling through sigma's reducers: colour and shape by type, highlight a trace, dim the rest, hide what filters exclude. */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from '../../src/graph/model.js';
import type { ViewerOptions } from './options.js';
import type { ViewerState } from './state.js';
import { edgeVisible, nodeVisible, type ViewerGraph } from './visibility.js';

/** `large`: draw edges as plain lines, which costs less than arrows. */
export function makeReducers(graph: ViewerGraph, state: ViewerState, options: ViewerOptions, large = false) {
  const nodeReducer = (key: string, a: NodeAttributes): Partial<NodeDisplayData> & { type: string } => {
    // An overview's agency has no facts loaded yet: it is sized by the facts the server counted.
    const degree = a.facts !== undefined && graph.degree(key) === 0 ? a.facts / 4 : graph.degree(key);
    const size = Math.min(options.nodeSize.max, options.nodeSize.base + options.nodeSize.perDegree * Math.sqrt(degree));
    const display: Partial<NodeDisplayData> & { type: string } = {
      x: a.x,
      y: a.y,
      label: a.name,
      size,
      color: options.colors[a.type],
      type: options.shapes[a.type],
      hidden: !nodeVisible(graph, key, state),
      // The most active agency of each jurisdiction names its group on the overview.
      forceLabel: a.leader === true,
    };
    if (state.traced) {
      if (state.traced.nodes.has(key)) {
        display.highlighted = key === state.selected;
        display.zIndex = 2;
        // On a large graph a trace can hold hundreds of nodes: label only the chosen one by force.
        display.forceLabel = !large || key === state.selected;
      } else {
        display.color = options.dimColor;
        display.label = '';
        display.zIndex = 0;
      }
    }
    if (key === state.hovered) display.highlighted = true;
    return display;
  };
  const edgeReducer = (key: string, a: EdgeAttributes): Partial<EdgeDisplayData> & { type: string } => {
    const display: Partial<EdgeDisplayData> & { type: string } = {
      type: large ? 'line' : 'arrow',
      size: large ? 0.5 : 1,
      color: options.relationColors[a.type],
      hidden: !edgeVisible(graph, key, state),
    };
    if (state.traced) {
      if (state.traced.edges.has(key)) {
        display.size = 2.5;
        display.zIndex = 2;
      } else {
        display.color = options.dimColor;
        display.zIndex = 0;
      }
    }
    return display;
  };
  return { nodeReducer, edgeReducer };
}
