// What an agency reported, year by year: the numbers measured for it and for the programs it implemented.
// @param name  the agency's name or an alias, in either script
MATCH (a:Agency)
WHERE a.name = $name OR $name IN a.aliases OR $name IN a.aliasesSimplified
CALL (a) {
  MATCH (a)-[:MEASURED]->(m:Metric)
  RETURN a.name AS about, m
  UNION
  MATCH (a)-[:IMPLEMENTED]->(p:Program)-[:MEASURED]->(m:Metric)
  RETURN p.name AS about, m
}
RETURN m.year AS year, m.doc AS document, about, m.label AS label, m.raw AS raw, m.value AS value, m.unit AS unit
ORDER BY year, document, m.key
