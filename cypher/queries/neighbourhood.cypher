// The neighbourhood of an entity: everything within N steps (N from 1 to 5), each entity once, with its
// distance and one shortest chain of facts to it (the names along it). Breadth first, one step at a
// time, so it answers in time on a corpus where the paths up to five steps number in the millions.
// @param name   a name or alias, in either script
// @param depth  how many steps (1 to 5)
MATCH (n)
WHERE (n:Agency OR n:Regulation OR n:Program) AND (n.name = $name OR $name IN n.aliases OR $name IN n.aliasesSimplified)
WITH n, toInteger($depth) AS depth, [{node: n, chain: [n.name]}] AS level0, [n] AS seen
CALL (level0, seen, depth) {
  UNWIND CASE WHEN depth >= 1 THEN level0 ELSE [] END AS f
  WITH f, f.node AS from
  MATCH (from)-[:ISSUED|IMPLEMENTED|MEASURED]-(m)
  WHERE NOT m IN seen
  WITH m, f ORDER BY f.node.name
  WITH m, collect(f)[0] AS f
  RETURN collect({node: m, chain: f.chain + m.name}) AS level1
}
WITH n, depth, level1, seen + [x IN level1 | x.node] AS seen
CALL (level1, seen, depth) {
  UNWIND CASE WHEN depth >= 2 THEN level1 ELSE [] END AS f
  WITH f, f.node AS from
  MATCH (from)-[:ISSUED|IMPLEMENTED|MEASURED]-(m)
  WHERE NOT m IN seen
  WITH m, f ORDER BY f.node.name
  WITH m, collect(f)[0] AS f
  RETURN collect({node: m, chain: f.chain + m.name}) AS level2
}
WITH n, depth, level1, level2, seen + [x IN level2 | x.node] AS seen
CALL (level2, seen, depth) {
  UNWIND CASE WHEN depth >= 3 THEN level2 ELSE [] END AS f
  WITH f, f.node AS from
  MATCH (from)-[:ISSUED|IMPLEMENTED|MEASURED]-(m)
  WHERE NOT m IN seen
  WITH m, f ORDER BY f.node.name
  WITH m, collect(f)[0] AS f
  RETURN collect({node: m, chain: f.chain + m.name}) AS level3
}
WITH n, depth, level1, level2, level3, seen + [x IN level3 | x.node] AS seen
CALL (level3, seen, depth) {
  UNWIND CASE WHEN depth >= 4 THEN level3 ELSE [] END AS f
  WITH f, f.node AS from
  MATCH (from)-[:ISSUED|IMPLEMENTED|MEASURED]-(m)
  WHERE NOT m IN seen
  WITH m, f ORDER BY f.node.name
  WITH m, collect(f)[0] AS f
  RETURN collect({node: m, chain: f.chain + m.name}) AS level4
}
WITH n, depth, level1, level2, level3, level4, seen + [x IN level4 | x.node] AS seen
CALL (level4, seen, depth) {
  UNWIND CASE WHEN depth >= 5 THEN level4 ELSE [] END AS f
  WITH f, f.node AS from
  MATCH (from)-[:ISSUED|IMPLEMENTED|MEASURED]-(m)
  WHERE NOT m IN seen
  WITH m, f ORDER BY f.node.name
  WITH m, collect(f)[0] AS f
  RETURN collect({node: m, chain: f.chain + m.name}) AS level5
}
WITH n, depth, level1, level2, level3, level4, level5, seen + [x IN level5 | x.node] AS seen
UNWIND [d IN range(1, 5) | [d, [level1, level2, level3, level4, level5][d - 1]]] AS at
UNWIND at[1] AS x
RETURN x.node.name AS name, labels(x.node)[0] AS type, at[0] AS distance, x.chain AS chain
ORDER BY distance, type, name
