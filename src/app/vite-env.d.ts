// Vite's client types, and the shipped scenarios' virtual module (vite.config.ts builds it).
/// <reference types="vite/client" />

declare module 'virtual:shipped-scenarios' {
  import type { Scenario } from '../sim/types';
  /** Every shipped scenario file that loads, as the loader returns it. */
  export const scenarios: Scenario[];
  /** Earlier versions of shipped scenarios (scenarios/archive), for what players made on them. */
  export const archived: Scenario[];
  /** Every error in a shipped file that does not, as file:line:col: error: path: message. */
  export const problems: string[];
}
