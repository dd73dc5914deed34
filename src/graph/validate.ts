/** Checks that data follows the graph contract; the error names the call, the element and what was expected. */
import { GraphContractError } from '../errors.js';
import { isNodeType, isRelationType, NODE_TYPES, RELATION_ENDPOINTS, RELATION_TYPES, type SerializedGraph } from './model.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateGraph(data: unknown, call: string): SerializedGraph {
  const fail = (what: string): never => {
    throw new GraphContractError(`${call}: ${what}`);
  };
  if (!isObject(data)) return fail('expected a serialized graph object {attributes, options, nodes, edges}.');
  if (!Array.isArray(data.nodes) || !Array.isArray(data.edges)) return fail('expected "nodes" and "edges" arrays.');
  const attributes = data.attributes;
  if (!isObject(attributes) || !Array.isArray(attributes.documents)) return fail('expected graph attributes with a "documents" array.');
  const types = new Map<string, string>();
  for (const node of data.nodes as unknown[]) {
    if (!isObject(node) || typeof node.key !== 'string' || !isObject(node.attributes)) return fail('every node needs a string "key" and an "attributes" object.');
    const a = node.attributes;
    if (!isNodeType(a.type)) return fail(`node "${node.key}" has invalid type ${JSON.stringify(a.type)}; expected one of ${NODE_TYPES.join(', ')}.`);
    if (typeof a.name !== 'string' || a.name === '') return fail(`node "${node.key}" needs a non-empty string "name".`);
    if (!Array.isArray(a.aliases) || !Array.isArray(a.mentions)) return fail(`node "${node.key}" needs "aliases" and "mentions" arrays.`);
    if (types.has(node.key)) return fail(`node "${node.key}" appears twice.`);
    types.set(node.key, a.type);
  }
  for (const edge of data.edges as unknown[]) {
    if (!isObject(edge) || typeof edge.key !== 'string' || typeof edge.source !== 'string' || typeof edge.target !== 'string' || !isObject(edge.attributes)) {
      return fail('every edge needs string "key", "source", "target" and an "attributes" object.');
    }
    const type = edge.attributes.type;
    if (!isRelationType(type)) return fail(`edge "${edge.key}" has invalid type ${JSON.stringify(type)}; expected one of ${RELATION_TYPES.join(', ')}.`);
    const s = types.get(edge.source);
    const t = types.get(edge.target);
    if (!s || !t) return fail(`edge "${edge.key}" joins a node that does not exist ("${s ? edge.target : edge.source}").`);
    const [sources, targets] = RELATION_ENDPOINTS[type];
    if (!sources.includes(s as never) || !targets.includes(t as never)) {
      return fail(`edge "${edge.key}" of type ${type} joins ${s}→${t}; expected ${sources.join('|')}→${targets.join('|')}.`);
    }
    if (!Array.isArray(edge.attributes.evidence)) return fail(`edge "${edge.key}" needs an "evidence" array.`);
  }
  return data as unknown as SerializedGraph;
}
