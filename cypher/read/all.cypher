// The whole graph of the database (documents and MENTIONED_IN links excluded: they are in the graph's
// attributes and the nodes' mentions). Parameters: none.
MATCH (n)
WHERE NOT n:Document
OPTIONAL MATCH (n)-[r]->(m)
WHERE NOT m:Document
RETURN n, r, m
