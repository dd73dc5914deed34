// A headline figure of a jurisdiction over the years (as `report2graph series` answers it): the figures
// of one measure (m.measure, data/extract/measures.json) in the jurisdiction's reports, one point per
// year and status (done: reported; planned: a target), the value in the measure's base unit (元, %, 个;
// a fall negated). A year and status the reports give two different values for is left out.
// @param jurisdiction  its name: 深圳市龙岗区 or 龙岗区
// @param measure  (optional) e.g. 地区生产总值; every measure when left out
MATCH (d:Document)
WHERE d.series = $jurisdiction OR $jurisdiction IN d.seriesNames
MATCH (m:Metric)-[:MENTIONED_IN]->(d)
WHERE m.measure IS NOT NULL AND m.year IS NOT NULL AND ($measure IS NULL OR m.measure = $measure)
WITH d, m ORDER BY d.plans, d.year, d.id, toInteger(last(split(m.key, ':')))
WITH d.series AS series, m.measure AS measure, m.year AS year, m.status AS status, collect({m: m, doc: d.id}) AS figures
WHERE all(f IN figures WHERE f.m.measureValue = figures[0].m.measureValue)
WITH series, measure, year, status, figures[0] AS first, [f IN figures[1..] WHERE f.doc <> figures[0].doc | f.doc] AS alsoIn
RETURN series, measure, year, status, first.m.measureValue AS value, first.m.unit AS unit, first.m.qualifier AS qualifier,
       first.m.raw AS raw, first.doc AS doc, first.m.key AS metric, alsoIn
ORDER BY measure, year, CASE status WHEN 'done' THEN 0 ELSE 1 END
