// The figures of headline measures in the reports of jurisdictions (the charts of the viewer's panel),
// each with the facts that measured it (their first evidence sentence).
// Parameters: $pairs: [{series: string, measure: string}]
UNWIND $pairs AS p
MATCH (d:Document {series: p.series})<-[:MENTIONED_IN]-(m:Metric {measure: p.measure})
OPTIONAL MATCH (m)<-[r:MEASURED]-(s)
RETURN m, collect(CASE WHEN r IS NULL THEN null ELSE {key: r.key, type: type(r), source: s.key, target: m.key, status: r.status, implicit: r.implicit, rule: r.rule,
  evidence: [r.evidence[0]]} END) AS facts
