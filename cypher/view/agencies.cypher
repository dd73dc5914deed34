// The overview: every agency with the number of facts it is the source of, under the filter (an
// agency no kept fact or report names is left out when the filter restricts documents).
// Parameters: $relations: [string], $docs: [string] | null
MATCH (a:Agency)
WITH a, COUNT { (a)-[r:ISSUED|IMPLEMENTED|MEASURED]->() WHERE type(r) IN $relations AND ($docs IS NULL OR any(d IN r.docs WHERE d IN $docs)) } AS facts
WHERE $docs IS NULL OR facts > 0 OR EXISTS { (a)-[:MENTIONED_IN]->(d:Document) WHERE d.id IN $docs }
RETURN a.key AS key, a.name AS name, facts
