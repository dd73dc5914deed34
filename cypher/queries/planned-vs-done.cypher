// How much of what the reports say is done, and how much is planned for the coming year, per relation.
// (no parameters)
MATCH ()-[r:ISSUED|IMPLEMENTED|MEASURED]->()
RETURN type(r) AS relation, r.status AS status, count(*) AS count
ORDER BY relation, status
