// Every report the database holds. Parameters: none.
MATCH (d:Document)
RETURN d
ORDER BY d.id
