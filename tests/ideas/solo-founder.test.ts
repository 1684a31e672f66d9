// The ideas Solo Founder must make true (DESIGN.md ideas 1–3 and 6: one person still wears both
// hats), measured by bots over 500 seeds with the same checks and thresholds as two-hats.
import { ideaTests } from './idea-checks';

ideaTests('solo-founder');
