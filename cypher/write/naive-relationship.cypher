// One relationship per statement: the naive writer the benchmark compares the batched one with.
// Parameters: $key, $source, $target, $props
MATCH (s:__SOURCE__ {key: $source})
MATCH (t:__TARGET__ {key: $target})
MERGE (s)-[r:__TYPE__ {key: $key}]->(t)
SET r += $props
