// Who issued a regulation, and on what evidence.
// @param name  the regulation's title (with or without 《》 is the same title; either script)
MATCH (g:Regulation)
WHERE g.name = $name OR $name IN g.aliases OR $name IN g.aliasesSimplified
MATCH (a:Agency)-[r:ISSUED]->(g)
RETURN g.name AS regulation, a.name AS agency, r.status AS status, r.implicit AS implicit, r.rule AS rule, size(r.evidence) AS evidence
ORDER BY agency, status
