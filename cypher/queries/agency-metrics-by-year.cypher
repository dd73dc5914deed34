// What an agency reported, year by year: the numbers measured for it and for the programs it implemented,
// each from a report that says the agency implemented the program (a program two reports share does not
// carry one report's figures to the other report's agency).
// @param name  the agency's name or an alias, in either script
MATCH (a:Agency)
WHERE a.name = $name OR $name IN a.aliases OR $name IN a.aliasesSimplified
CALL (a) {
  MATCH (a)-[:MEASURED]->(m:Metric)
  RETURN a.name AS about, m
  UNION
  MATCH (a)-[i:IMPLEMENTED]->(p:Program)-[:MEASURED]->(m:Metric)
  WHERE m.doc IN i.docs
  RETURN p.name AS about, m
}
RETURN m.year AS year, m.doc AS document, about, m.label AS label, m.raw AS raw, m.value AS value, m.unit AS unit
ORDER BY year, document, m.key
