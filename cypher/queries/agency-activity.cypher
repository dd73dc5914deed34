// Everything an agency did: the regulations it issued and the programs it implemented, with evidence.
// @param name  the agency's name or an alias, in either script (市政府, 东莞市人民政府, 東莞市)
MATCH (a:Agency)
WHERE a.name = $name OR $name IN a.aliases OR $name IN a.aliasesSimplified
MATCH (a)-[r:ISSUED|IMPLEMENTED]->(x)
RETURN a.name AS agency, type(r) AS relation, x.name AS object, r.status AS status, r.implicit AS implicit,
       [e IN r.evidence | e] AS evidence
ORDER BY relation, object, status
