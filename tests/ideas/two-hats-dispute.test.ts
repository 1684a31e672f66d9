// Two Hats, One Firm's dispute has no right answer across seeds: the hidden anchor decides
// (the no-dominance test; the scenario's other ideas are in two-hats.test.ts).
import { disputeTests } from './idea-checks';

disputeTests('two-hats');
