// The ideas Two Hats, One Firm must make true (DESIGN.md, "What the game teaches"), measured by
// bots over 500 seeds with the shared checks in idea-checks.ts. They must emerge from the
// mechanics — complementary response curves, goodwill decay, relationship carry-over — never
// from a score term that rewards balance. When one fails, tune the model or the scenario,
// never the thresholds. The dispute's no-dominance check is in two-hats-dispute.test.ts.
import { ideaTests } from './idea-checks';

ideaTests('two-hats');
