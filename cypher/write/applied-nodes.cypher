// Which rows of a batch of nodes of one label the database holds already, as they are: the node with the
// row's key carries the row's content hash (`loadHash`, set by merge-nodes.cypher). A re-load sends only
// the other rows. The writer puts a label from the model's whitelist in place of __LABEL__.
// Parameters: $rows: [{key, hash}]
UNWIND $rows AS row
MATCH (n:__LABEL__ {key: row.key})
WHERE n.loadHash = row.hash
RETURN row.key AS key
