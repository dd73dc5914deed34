// The numbers reported for a program.
// @param name  the program's name or an alias, in either script
MATCH (p:Program)
WHERE p.name = $name OR $name IN p.aliases OR $name IN p.aliasesSimplified
MATCH (p)-[:MEASURED]->(m:Metric)
RETURN p.name AS program, m.label AS label, m.raw AS raw, m.value AS value, m.unit AS unit,
       m.qualifier AS qualifier, m.year AS year, m.status AS status, m.doc AS document
ORDER BY document, m.key
