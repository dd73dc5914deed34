// Which rows of a batch of relationships the database holds already, as they are (their content hash in
// `loadHash`, set by merge-relationships.cypher), found between their two ends as MERGE finds them: each
// end by its key, one after the other, then the relationship between them. (Found in one pattern, the
// planner walked all of a hub's relationships first — 111 s for one type; with index hints it scanned
// the index of the other end for every row.)
// The writer puts whitelisted names in place of __TYPE__, __SOURCE__ and __TARGET__.
// Parameters: $rows: [{key, source, target, hash}]
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
WITH s, row
MATCH (t:__TARGET__ {key: row.target})
WITH s, t, row
MATCH (s)-[r:__TYPE__ {key: row.key}]->(t)
WHERE r.loadHash = row.hash
RETURN row.key AS key
