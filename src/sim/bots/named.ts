// Bots by name, for the tools, the golden replays and the tests: the fixed and adaptive bots,
// then the lead bots (which build on the balanced one, so they live in a module of their own).
import type { Bot } from './bot';
import { LEAD_BOTS } from './lead-bots';
import { BOTS } from './strategies';

export function botNamed(name: string): Bot | undefined {
  return BOTS.find((b) => b.name === name) ?? LEAD_BOTS.find((b) => b.name === name);
}
