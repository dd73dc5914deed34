// How many nodes the database holds, from the count store (no scan): a load into an empty database has
// no rows there already to look for.
// Parameters: none.
MATCH (n)
RETURN count(n) AS nodes
