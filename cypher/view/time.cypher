// An entity over the years (the viewer's panel): its facts, each with the first evidence sentence from
// each report it is in (a hub's facts carry thousands of sentences; the timeline needs one per report),
// the done facts of the variants of its name (n.variants), and the figures of headline measures it
// measured (a figure: itself). The viewer's server puts a whitelisted label in place of __LABEL__.
// Parameters: $key: string
MATCH (n:__LABEL__ {key: $key})
CALL (n) {
  OPTIONAL MATCH (n)-[r:ISSUED|IMPLEMENTED|MEASURED]-(m)
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {key: r.key, type: type(r), source: startNode(r).key, target: endNode(r).key,
    status: r.status, implicit: r.implicit, rule: r.rule,
    evidence: [d IN r.docs | [ev IN r.evidence WHERE ev STARTS WITH '{"doc":"' + d + '"'][0]]} END) AS facts,
    collect(DISTINCT CASE WHEN m:Metric AND m.measure IS NOT NULL AND startNode(r) = n THEN {doc: m.doc, measure: m.measure, key: m.key} END) AS measured
}
CALL (n) {
  UNWIND coalesce(n.variants, []) AS vk
  MATCH (v:__LABEL__ {key: vk})<-[x:ISSUED|IMPLEMENTED {status: 'done'}]-(a)
  RETURN collect({node: v, fact: {key: x.key, type: type(x), source: a.key, target: v.key, status: x.status, implicit: x.implicit, rule: x.rule,
    evidence: [d IN x.docs | [ev IN x.evidence WHERE ev STARTS WITH '{"doc":"' + d + '"'][0]]}}) AS variants
}
RETURN n, facts, CASE WHEN n:Metric THEN CASE WHEN n.measure IS NULL THEN [] ELSE [{doc: n.doc, measure: n.measure}] END ELSE measured END AS measured, variants
