// Merge one batch of nodes of one label. `$label` is not a parameter: the writer puts a label from the
// model's whitelist in place of __LABEL__. Lists (aliases, mentions) are unions, so loading a second
// report adds to what the first loaded, and loading the same graph again changes nothing.
// `loadHash` is the row's content hash: a re-load skips the rows the database holds as they are.
// Parameters: $rows: [{key, props, aliases, aliasesSimplified, mentions, docs, hash}]
UNWIND $rows AS row
MERGE (n:__LABEL__ {key: row.key})
ON CREATE SET n += row.props, n.aliases = row.aliases, n.aliasesSimplified = row.aliasesSimplified, n.mentions = row.mentions,
              n.search = reduce(s = '', a IN row.aliases + row.aliasesSimplified | s + ' ' + a), n.loadHash = row.hash
ON MATCH SET n.aliases = reduce(acc = n.aliases, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
             n.aliasesSimplified = reduce(acc = n.aliasesSimplified, a IN row.aliasesSimplified | CASE WHEN a IN acc THEN acc ELSE acc + a END),
             n.mentions = reduce(acc = n.mentions, m IN row.mentions | CASE WHEN m IN acc THEN acc ELSE acc + m END),
             n.search = reduce(s = '', a IN n.aliases + n.aliasesSimplified | s + ' ' + a), n.loadHash = row.hash
WITH n, row
UNWIND row.docs AS docId
MATCH (d:Document {id: docId})
MERGE (n)-[:MENTIONED_IN]->(d)
