// Merge the documents of a graph, one :Document node per report.
// Parameters: $rows: [{id, props}]
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.props
