// Merge one batch of relationships of one type between two labels. The writer puts whitelisted names in
// place of __TYPE__, __SOURCE__ and __TARGET__. Evidence is a union and `implicit` stays true only while
// every load says so, so re-loading changes nothing.
// `docs` lists the reports the relationship is stated in (a union too), so a query can keep to one report.
// `loadHash` is the row's content hash: a re-load skips the rows the database holds as they are.
// Parameters: $rows: [{key, source, target, props, evidence, docs, hash}]
UNWIND $rows AS row
MATCH (s:__SOURCE__ {key: row.source})
MATCH (t:__TARGET__ {key: row.target})
MERGE (s)-[r:__TYPE__ {key: row.key}]->(t)
ON CREATE SET r += row.props, r.evidence = row.evidence, r.docs = row.docs, r.loadHash = row.hash
ON MATCH SET r.evidence = reduce(acc = r.evidence, e IN row.evidence | CASE WHEN e IN acc THEN acc ELSE acc + e END),
             r.docs = reduce(acc = coalesce(r.docs, []), d IN row.docs | CASE WHEN d IN acc THEN acc ELSE acc + d END),
             r.implicit = r.implicit AND row.props.implicit,
             r.loadHash = row.hash
