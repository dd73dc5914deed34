// The :Document nodes with the given ids. Parameters: $ids: [string]
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d
ORDER BY d.id
