// The viewer's search: names and aliases in either script, through the full-text index (any two
// characters of a name find it). $q is the user's text with Lucene's special characters escaped.
// Parameters: $q: string, $limit: integer
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $limit}) YIELD node, score
RETURN node.key AS key, node.name AS name, labels(node)[0] AS type, node.aliases AS aliases, node.aliasesSimplified AS aliasesSimplified, score
ORDER BY score DESC, name
