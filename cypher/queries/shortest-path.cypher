// The shortest chain of facts between two entities (at most 8 steps, either direction).
// @param from  a name or alias of the first entity, in either script
// @param to    a name or alias of the second entity, in either script
MATCH (a)
WHERE (a:Agency OR a:Regulation OR a:Program) AND (a.name = $from OR $from IN a.aliases OR $from IN a.aliasesSimplified)
MATCH (b)
WHERE (b:Agency OR b:Regulation OR b:Program) AND (b.name = $to OR $to IN b.aliases OR $to IN b.aliasesSimplified) AND b <> a
MATCH p = shortestPath((a)-[:ISSUED|IMPLEMENTED|MEASURED*..8]-(b))
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | type(r)] AS relations, length(p) AS hops, p AS path
ORDER BY hops
LIMIT 1
