// Programs the reports name but give no number for.
// @param limit  how many programs to list (e.g. 50)
MATCH (p:Program)
WHERE NOT (p)-[:MEASURED]->(:Metric)
RETURN p.name AS program, size(p.mentions) AS mentions,
       [(a:Agency)-[:IMPLEMENTED]->(p) | a.name] AS implementedBy
ORDER BY mentions DESC, program
LIMIT toInteger($limit)
