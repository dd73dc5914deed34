// How many entities and facts the database holds, from Neo4j's count store (no scan).
// Parameters: none.
CALL { MATCH (n:Agency) RETURN count(n) AS agencies }
CALL { MATCH (n:Regulation) RETURN count(n) AS regulations }
CALL { MATCH (n:Program) RETURN count(n) AS programs }
CALL { MATCH (n:Metric) RETURN count(n) AS metrics }
CALL { MATCH ()-[r:ISSUED]->() RETURN count(r) AS issued }
CALL { MATCH ()-[r:IMPLEMENTED]->() RETURN count(r) AS implemented }
CALL { MATCH ()-[r:MEASURED]->() RETURN count(r) AS measured }
RETURN agencies + regulations + programs + metrics AS nodes, issued + implemented + measured AS relations
