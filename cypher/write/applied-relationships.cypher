// Which rows of a batch of relationships the database holds already, as they are (their content hash in
// `loadHash`, set by merge-relationships.cypher), found between their two ends as MERGE finds them: both
// ends by their key index, then the relationship between them (the hints keep the planner from walking
// all of a hub's relationships first: seen at 111 s for one batch instead of 0.05 s).
// The writer puts whitelisted names in place of __TYPE__, __SOURCE__ and __TARGET__.
// Parameters: $rows: [{key, source, target, hash}]
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
USING INDEX s:__SOURCE__(key)
MATCH (t:__TARGET__ {key: row.target})
USING INDEX t:__TARGET__(key)
MATCH (s)-[r:__TYPE__ {key: row.key}]->(t)
WHERE r.loadHash = row.hash
RETURN row.key AS key
