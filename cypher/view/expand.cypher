// One step of a neighbourhood: the facts of the given entities of one label (the viewer's server puts a
// whitelisted label in place of __LABEL__), and the entities at their other ends, under the filter.
// Bounded by $limit so a hub (深圳市人民政府) never sends everything it touches. The entity itself is not
// returned with each of its facts (a hub's mentions would go along with every row): only its key. What is
// kept under the limit is always the same: the facts about entities before the figures, then by key.
// Parameters: $keys: [string], $relations: [string], $types: [string] | null, $docs: [string] | null,
//             $limit: integer
UNWIND $keys AS k
MATCH (n:__LABEL__ {key: k})-[r:ISSUED|IMPLEMENTED|MEASURED]-(m)
WHERE type(r) IN $relations
  AND ($docs IS NULL OR any(d IN r.docs WHERE d IN $docs))
  AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types))
RETURN n.key AS from, r, m
ORDER BY CASE type(r) WHEN 'MEASURED' THEN 1 ELSE 0 END, m.key, r.key
LIMIT $limit
