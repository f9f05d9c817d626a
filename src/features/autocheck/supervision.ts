// "Take to supervision": hands a check's supervision topic to the supervision agenda when the member asks.
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import type { Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { addTopic, memberZone, TOPIC_MAX } from '../supervision/agenda.js';
import { checkTopic, type TopicCheck } from '../supervision/deidentify.js';
import { nextSession } from '../supervision/store.js';
import { sessionWhen } from '../supervision/when.js';
import type { Lang } from '../../i18n/index.js';
import type { Answers, GroupDestination } from './forms.js';

export type AgendaOutcome =
  | { kind: 'none' }
  | { kind: 'kept' }
  | {
      kind: 'added';
      visibility: 'mine' | 'named' | 'anonymous';
      sessionLabel?: string;
      /** The topic's number on the agenda; an anonymous one has none until the scheduler writes it. */
      id?: number;
      /** For a group topic: what was masked and what else may identify the client, for the confirmation. */
      check?: TopicCheck;
      later?: { text: string; sessionId: number; startsAt: Date };
    }
  | { kind: 'noSession' }
  /** Bound for the group but something in it may identify a client: nothing was added; the author decides (held.ts). */
  | { kind: 'held'; visibility: GroupDestination; check: TopicCheck; sessionLabel: string };

const VISIBILITY = { mine: 'private', named: 'named', anonymous: 'anonymous' } as const;

/**
 * Add the topic to the chosen agenda. Runs in a savepoint so a refusal (no upcoming session) leaves the
 * check itself saved; the text then stays only inside the encrypted check, and the reply says so.
 *
 * A topic for the group in which something beyond a PESEL, phone or e-mail (those are masked) may identify a client
 * is not added: it is `held`, and its author sees it as the group would before anything leaves (held.ts). `hold:
 * false` is that author's "send as it is".
 */
export async function takeToSupervision(
  tx: Tx,
  bot: Bot,
  o: { team: Team; memberExternalId: string; answers: Answers; now: Date; lang: Lang; hold?: boolean },
): Promise<AgendaOutcome> {
  const { supervision, destination } = o.answers;
  if (!supervision) return { kind: 'none' };
  if (!destination || destination === 'keep') return { kind: 'kept' };
  if (destination !== 'mine') {
    // De-identified now: the group reads this; the check itself keeps the words as written.
    const check = checkTopic(supervision.slice(0, TOPIC_MAX));
    const session = await nextSession(tx, o.team.id, o.now);
    if (!session) return { kind: 'noSession' };
    const sessionLabel = sessionWhen(o.lang, session, { zone: await memberZone(tx, o.team, o.memberExternalId), member: true });
    if (o.hold !== false && check.findings.length) return { kind: 'held', visibility: destination, check, sessionLabel };
    // Not in this transaction, which saves the check under the member's id: the caller queues it once that has
    // committed (`later`), and the scheduler writes it minutes after that (see anon-later.ts).
    if (destination === 'anonymous') return { kind: 'added', visibility: 'anonymous', sessionLabel, check, later: { text: check.text, sessionId: session.id, startsAt: session.startsAt } };
  }
  try {
    const added = await tx.transaction((sp) =>
      addTopic(sp, bot, { team: o.team, memberExternalId: o.memberExternalId, text: supervision, visibility: VISIBILITY[destination], source: 'autocheck', now: o.now, lang: o.lang }),
    );
    return { kind: 'added', visibility: destination, sessionLabel: added.sessionLabel, id: added.number, check: added.check };
  } catch (e) {
    if (e instanceof UserError && e.code === ('supervision.noSession' as string)) return { kind: 'noSession' };
    throw e;
  }
}
