// "Take to supervision": hands a check's supervision topic to the supervision agenda when the member asks.
import type { Bot } from '../../core/bot.js';
import { UserError } from '../../core/errors.js';
import type { Team } from '../../core/teams.js';
import type { Tx } from '../../db/client.js';
import { addTopic } from '../supervision/agenda.js';
import type { Lang } from '../../i18n/index.js';
import type { Answers } from './forms.js';

export type AgendaOutcome =
  | { kind: 'none' }
  | { kind: 'kept' }
  | { kind: 'added'; visibility: 'mine' | 'named' | 'anonymous'; sessionLabel?: string }
  | { kind: 'noSession' };

const VISIBILITY = { mine: 'private', named: 'named', anonymous: 'anonymous' } as const;

/**
 * Add the topic to the chosen agenda. Runs in a savepoint so a refusal (no upcoming session) leaves the
 * check itself saved; the text then stays only inside the encrypted check, and the reply says so.
 */
export async function takeToSupervision(tx: Tx, bot: Bot, o: { team: Team; memberExternalId: string; answers: Answers; now: Date; lang: Lang }): Promise<AgendaOutcome> {
  const { supervision, destination } = o.answers;
  if (!supervision) return { kind: 'none' };
  if (!destination || destination === 'keep') return { kind: 'kept' };
  try {
    const added = await tx.transaction((sp) =>
      addTopic(sp, bot, { team: o.team, memberExternalId: o.memberExternalId, text: supervision, visibility: VISIBILITY[destination], source: 'autocheck', now: o.now, lang: o.lang }),
    );
    return { kind: 'added', visibility: destination, sessionLabel: added.sessionLabel };
  } catch (e) {
    if (e instanceof UserError && e.code === ('supervision.noSession' as string)) return { kind: 'noSession' };
    throw e;
  }
}
