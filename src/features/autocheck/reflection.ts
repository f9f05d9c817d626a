// One line of reflection after a check, chosen from the answers by a small ordered table of rules.
import type { MessageKey } from '../../i18n/index.js';
import { ALLIANCE_ITEMS, type Answers } from './forms.js';

interface Rule {
  /** Why this rule exists, for whoever tunes the table. */
  why: string;
  when(a: Answers): boolean;
  say: MessageKey;
}

/** First match wins: a possible miss with the client comes before habits, habits before praise. */
export const REFLECTION_RULES: readonly Rule[] = [
  { why: 'admitting a miss early is the first step of repair', when: (a) => a.judging === 'yes', say: 'autocheck.reflect.judgingYes' },
  { why: 'an open question lets the client say what landed badly', when: (a) => a.judging === 'maybe', say: 'autocheck.reflect.judgingMaybe' },
  { why: 'rigidity is tied to weaker alliances; a mid-session check-in loosens it', when: (a) => a.flexibility <= 1, say: 'autocheck.reflect.lowFlexibility' },
  { why: 'a little more curiosity than certainty', when: (a) => a.curiosity <= 1, say: 'autocheck.reflect.lowCuriosity' },
  { why: 'a weak goal, task or bond calls for a renewed mini-contract', when: (a) => ALLIANCE_ITEMS.some((k) => (a[k] ?? 5) <= 2), say: 'autocheck.reflect.lowAlliance' },
  { why: 'naming what went well makes it easier to repeat', when: (a) => a.curiosity >= 3, say: 'autocheck.reflect.affirm' },
];

export const DEFAULT_REFLECTION: MessageKey = 'autocheck.reflect.steady';

export function chooseReflection(a: Answers): MessageKey {
  return REFLECTION_RULES.find((r) => r.when(a))?.say ?? DEFAULT_REFLECTION;
}
