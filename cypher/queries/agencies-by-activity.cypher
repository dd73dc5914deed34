// Agencies ranked by how much the reports say they did.
// @param limit  how many agencies to list (e.g. 20)
MATCH (a:Agency)
OPTIONAL MATCH (a)-[r:ISSUED|IMPLEMENTED|MEASURED]->()
WITH a,
     sum(CASE type(r) WHEN 'ISSUED' THEN 1 ELSE 0 END) AS issued,
     sum(CASE type(r) WHEN 'IMPLEMENTED' THEN 1 ELSE 0 END) AS implemented,
     sum(CASE type(r) WHEN 'MEASURED' THEN 1 ELSE 0 END) AS measured
RETURN a.name AS agency, issued, implemented, measured, issued + implemented + measured AS total
ORDER BY total DESC, agency
LIMIT toInteger($limit)
