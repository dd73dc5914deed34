// One node per statement: the naive writer the benchmark compares the batched one with.
// Parameters: $key, $props
MERGE (n:__LABEL__ {key: $key})
SET n += $props
