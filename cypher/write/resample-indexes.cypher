// After a load has written, for a user who may not run replan.cypher: schedule the sampling of every
// index whose statistics are out of date (it runs in the background; no waiting, no admin right).
CALL db.resampleOutdatedIndexes()
