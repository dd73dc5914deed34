// One entity by its key (a whitelisted label in place of __LABEL__): a neighbourhood with no facts.
// Parameters: $key: string
MATCH (n:__LABEL__ {key: $key})
RETURN n
