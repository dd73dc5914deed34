// The reports that mention an entity, and how often.
// @param name  a name or alias, in either script
MATCH (n)-[:MENTIONED_IN]->(d:Document)
WHERE n.name = $name OR $name IN n.aliases OR $name IN n.aliasesSimplified
RETURN n.name AS entity, labels(n)[0] AS type, d.id AS document, d.year AS year,
       size([m IN n.mentions WHERE m CONTAINS ('"doc":"' + d.id + '"')]) AS mentions
ORDER BY year, document
