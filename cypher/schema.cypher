// The schema report2graph applies at every load: the constraints before the data, the full-text index
// before it too, except into an empty database, where it is created once the data is in (one bulk
// population instead of Lucene merges at every commit). Each statement is idempotent (IF NOT EXISTS),
// so applying it again changes nothing.

// One node per key, per label.
CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT regulation_key IF NOT EXISTS FOR (n:Regulation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT program_key IF NOT EXISTS FOR (n:Program) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT metric_key IF NOT EXISTS FOR (n:Metric) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;

// Relationships are merged by their key between two nodes found by their keys, so MERGE expands
// between those two nodes. There is deliberately no index on relationship keys: with one, the planner
// sometimes scans the whole index for every row (seen at 75 relationships/s instead of 10,000).

// Full-text search over names and aliases in both scripts. The CJK analyzer indexes Chinese as
// overlapping character pairs, so a search finds a name from any two-character part of it.
// `search` holds every alias in the document's script and in simplified characters.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Agency|Regulation|Program)
ON EACH [n.name, n.nameSimplified, n.search]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
