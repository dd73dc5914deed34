// Nodes by element id: the reader fetches the ends of relationships a query returned without them.
// Parameters: $ids: [string]
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n
