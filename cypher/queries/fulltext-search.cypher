// Full-text search over names and aliases, in traditional or simplified characters (any two-character
// part of a name finds it).
// @param q  the text to search for (e.g. 營商環境 or 营商环境)
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
RETURN node.name AS name, labels(node)[0] AS type, round(score * 1000) / 1000 AS score
ORDER BY score DESC, name
LIMIT 20
