// The scoreboard's public surface: heat codes, result codes, verification and ranking. Runs in
// Node and in the browser alike (no node: imports here).
export * from './heat-code';
export * from './result-code';
export * from './verify';
// The exports (./export) and the luck-or-skill report (./luck) are imported from their own
// modules: the browser loads them on demand, which it cannot do for code this index pulls in.
