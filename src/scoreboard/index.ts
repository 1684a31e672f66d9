// The scoreboard's public surface: heat codes, result codes, verification and ranking, exports
// and the luck-or-skill report. Runs in Node and in the browser alike (no node: imports here).
export * from './heat-code';
export * from './result-code';
export * from './verify';
export * from './export';
export * from './luck';
