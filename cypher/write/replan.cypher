// After a load has written: sample the indexes again and wait for it, then clear the query caches, so
// the queries planned next see the data as it now is. Planned on statistics sampled while the database
// was empty, a re-load right after a first load found each node by scanning its label's index for every
// row (55 s instead of 4 for the corpus). Admin only: without the right, the writer asks for
// resample-indexes.cypher instead.
// Parameters: $seconds: how long to wait for the sampling
CALL db.prepareForReplanning(toInteger($seconds))
