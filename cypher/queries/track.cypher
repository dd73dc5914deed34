// What the reports of a jurisdiction planned, and what became of it (as `report2graph track` answers
// it): for every program or regulation a report plans, the first later report of the same jurisdiction
// (one that reviews the planned year or after) that reports it — or a variant of its name (e.variants,
// data/extract/track.json) — done: kept; else later reports that plan it again: carried-over; else one
// that names it in no such fact: mentioned; else not-reported, or open when no later report is loaded.
// @param jurisdiction  its name: 深圳市光明区, 光明区 or 光明新区
// @param from  (optional) only reports planning this year or later
// @param to    (optional) only reports planning this year or earlier
MATCH (d:Document)
WHERE (d.series = $jurisdiction OR $jurisdiction IN d.seriesNames) AND d.plans IS NOT NULL
  AND ($from IS NULL OR d.plans >= toInteger($from)) AND ($to IS NULL OR d.plans <= toInteger($to))
CALL (d) {
  OPTIONAL MATCH (l:Document {series: d.series})
  WHERE l.id <> d.id AND l.year >= d.plans
  WITH l ORDER BY l.plans, l.year, l.id
  RETURN [x IN collect(l) | {doc: x.id, year: x.year, plans: x.plans}] AS later
}
MATCH (e)-[:MENTIONED_IN]->(d)
WHERE e:Program OR e:Regulation
MATCH (:Agency)-[r:IMPLEMENTED|ISSUED {status: 'planned'}]->(e)
WHERE d.id IN r.docs
WITH d, later, e, collect(r)[0] AS plannedBy
CALL (e) {
  OPTIONAL MATCH (e)<-[x:IMPLEMENTED|ISSUED]-(:Agency)
  WITH collect(x) AS xs
  RETURN reduce(a = [], x IN [y IN xs WHERE y.status = 'done'] | a + x.docs) AS doneDocs,
         reduce(a = [], x IN [y IN xs WHERE y.status = 'planned'] | a + x.docs) AS plannedDocs
}
CALL (e) {
  UNWIND coalesce(e.variants, []) AS vk
  CALL (e, vk) {
    MATCH (v:Program {key: vk}) WHERE e:Program RETURN v
    UNION
    MATCH (v:Regulation {key: vk}) WHERE e:Regulation RETURN v
  }
  MATCH (v)<-[x:IMPLEMENTED|ISSUED {status: 'done'}]-(:Agency)
  UNWIND x.docs AS doc
  WITH DISTINCT doc, v.key AS key ORDER BY key
  RETURN collect({doc: doc, key: key}) AS variantDone
}
CALL (e) {
  OPTIONAL MATCH (e)-[:MENTIONED_IN]->(m:Document)
  RETURN collect(m.id) AS namedDocs
}
WITH d, e, plannedBy, [s IN later | {doc: s.doc, year: s.year, plans: s.plans, planned: s.doc IN plannedDocs, named: s.doc IN namedDocs,
       doneAs: CASE WHEN s.doc IN doneDocs THEN e.key ELSE [v IN variantDone WHERE v.doc = s.doc | v.key][0] END}] AS later
WITH d, e, plannedBy, later, [i IN range(0, size(later) - 1) WHERE later[i].doneAs IS NOT NULL] AS doneAt
WITH d, e, plannedBy, later, CASE WHEN size(doneAt) > 0 THEN doneAt[0] ELSE size(later) END AS until
WITH d, e, plannedBy, later, until, [i IN range(0, until - 1) WHERE later[i].planned | later[i]] AS again
RETURN d.series AS series, d.plans AS plans, labels(e)[0] AS type, e.name AS name, e.key AS key, d.id AS plannedIn,
       CASE WHEN until < size(later) THEN 'kept'
            WHEN size(again) > 0 THEN 'carried-over'
            WHEN any(s IN later WHERE s.named) THEN 'mentioned'
            WHEN size(later) = 0 THEN 'open'
            ELSE 'not-reported' END AS outcome,
       CASE WHEN until < size(later) THEN later[until].doc END AS doneIn,
       CASE WHEN until < size(later) THEN later[until].year END AS doneYear,
       CASE WHEN until < size(later) AND later[until].doneAs <> e.key THEN later[until].doneAs END AS doneAs,
       [s IN again | s.plans] AS plannedAgain,
       [ev IN plannedBy.evidence WHERE ev STARTS WITH '{"doc":"' + d.id + '"'][0] AS planEvidence
ORDER BY plans, plannedIn, key
