// The neighbourhood of an entity: everything within N steps (N from 1 to 5).
// @param name   a name or alias, in either script
// @param depth  how many steps (1 to 5)
MATCH (n)
WHERE (n:Agency OR n:Regulation OR n:Program) AND (n.name = $name OR $name IN n.aliases OR $name IN n.aliasesSimplified)
MATCH p = (n)-[:ISSUED|IMPLEMENTED|MEASURED*1..5]-(m)
WHERE length(p) <= toInteger($depth)
RETURN m.name AS name, labels(m)[0] AS type, min(length(p)) AS distance, collect(p)[0] AS path
ORDER BY distance, type, name
