// Create one batch of nodes of one label in a database that holds none of the graph's nodes yet (the
// first load): as merge-nodes.cypher creates them, without looking for them first, so batches can run
// side by side. The writer puts a label from the model's whitelist in place of __LABEL__.
// Parameters: $rows: [{key, props, aliases, aliasesSimplified, mentions, docs, hash}]
UNWIND $rows AS row
CREATE (n:__LABEL__ {key: row.key})
SET n += row.props, n.aliases = row.aliases, n.aliasesSimplified = row.aliasesSimplified, n.mentions = row.mentions,
    n.search = reduce(s = '', a IN row.aliases + row.aliasesSimplified | s + ' ' + a), n.loadHash = row.hash
WITH n, row
UNWIND row.docs AS docId
MATCH (d:Document {id: docId})
CREATE (n)-[:MENTIONED_IN]->(d)
