// Create one batch of relationships of one type between two labels in a database that held none of the
// graph's nodes before this load (the first load): as merge-relationships.cypher creates them, without
// looking for them first. The writer puts whitelisted names in place of __TYPE__, __SOURCE__, __TARGET__.
// Parameters: $rows: [{key, source, target, props, evidence, docs, hash}]
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
MATCH (t:__TARGET__ {key: row.target})
CREATE (s)-[r:__TYPE__ {key: row.key}]->(t)
SET r += row.props, r.evidence = row.evidence, r.docs = row.docs, r.loadHash = row.hash
