// Which rows of a batch of relationships the database holds already, as they are (their content hash in
// `loadHash`, set by merge-relationships.cypher), found between their two ends as MERGE finds them.
// The writer puts whitelisted names in place of __TYPE__, __SOURCE__ and __TARGET__.
// Parameters: $rows: [{key, source, target, hash}]
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})-[r:__TYPE__ {key: row.key}]->(t:__TARGET__ {key: row.target})
WHERE r.loadHash = row.hash
RETURN row.key AS key
