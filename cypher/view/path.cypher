// The shortest chain of facts between two entities, either direction, at most 8 steps, through facts the
// filter lets through. Labels are whitelisted names put in place of __SOURCE__ and __TARGET__.
// Parameters: $from: string, $to: string, $relations: [string], $docs: [string] | null
MATCH (a:__SOURCE__ {key: $from}), (b:__TARGET__ {key: $to})
MATCH p = shortestPath((a)-[:ISSUED|IMPLEMENTED|MEASURED*..8]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $relations AND ($docs IS NULL OR any(d IN r.docs WHERE d IN $docs)))
RETURN p
