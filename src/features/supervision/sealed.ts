// Supervision text only its member reads — private topics and hours notes — sealed at rest like autochecks.
//
// Sealing is the bot's one AES-256-GCM (Secrets.encrypt, the key autochecks use): a database dump shows that a
// member noted something, never what. Rows written before sealing hold plain text in `text` / `note`; they are
// sealed once at start (the migration cannot: it has no SOJUSZ_SECRET) and read as they are until then.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Hooks } from '../../core/hooks.js';
import type { Secrets } from '../../core/secrets.js';
import type { Tx } from '../../db/client.js';
import { supervisionHours, supervisionTopics } from '../../db/schema/index.js';

type Seal = Pick<Secrets, 'encrypt'>;
type Open = Pick<Secrets, 'decrypt'>;

export const sealText = (secrets: Seal, text: string): string => secrets.encrypt(text);

/** A private topic's words: sealed ones opened, one from before sealing as it is. */
export function topicText(secrets: Open, row: { text: string | null; sealed: string | null }): string {
  return row.sealed !== null ? secrets.decrypt(row.sealed) : (row.text ?? '');
}

/** An hours entry's note, sealed or (from before sealing) plain; null when there is none. */
export function hoursNote(secrets: Open, row: { note: string | null; noteSealed: string | null }): string | null {
  return row.noteSealed !== null ? secrets.decrypt(row.noteSealed) : row.note;
}

/**
 * Seal what was written in plain before sealing existed. Each update re-checks that the row is still unsealed, so
 * replicas starting together seal every row once and never overwrite each other. Returns how many rows it sealed.
 */
export async function sealPlainText(tx: Tx, secrets: Seal): Promise<number> {
  let n = 0;
  const topics = await tx
    .select({ id: supervisionTopics.id, text: supervisionTopics.text })
    .from(supervisionTopics)
    .where(and(eq(supervisionTopics.visibility, 'private'), isNull(supervisionTopics.sealed), isNotNull(supervisionTopics.text)));
  for (const r of topics) {
    const done = await tx
      .update(supervisionTopics)
      .set({ sealed: sealText(secrets, r.text!), text: null })
      .where(and(eq(supervisionTopics.id, r.id), isNull(supervisionTopics.sealed)))
      .returning({ id: supervisionTopics.id });
    n += done.length;
  }
  const notes = await tx.select({ id: supervisionHours.id, note: supervisionHours.note }).from(supervisionHours).where(isNotNull(supervisionHours.note));
  for (const r of notes) {
    const done = await tx
      .update(supervisionHours)
      .set({ noteSealed: sealText(secrets, r.note!), note: null })
      .where(and(eq(supervisionHours.id, r.id), isNull(supervisionHours.noteSealed)))
      .returning({ id: supervisionHours.id });
    n += done.length;
  }
  return n;
}

/** Secret rotation: every sealed private topic and hours note opened with the old key and sealed with the new. */
export async function resealText(tx: Tx, decrypt: (sealed: string) => string, encrypt: (plain: string) => string): Promise<number> {
  const topics = await tx.select({ id: supervisionTopics.id, sealed: supervisionTopics.sealed }).from(supervisionTopics).where(isNotNull(supervisionTopics.sealed));
  for (const r of topics) await tx.update(supervisionTopics).set({ sealed: encrypt(decrypt(r.sealed!)) }).where(eq(supervisionTopics.id, r.id));
  const notes = await tx.select({ id: supervisionHours.id, sealed: supervisionHours.noteSealed }).from(supervisionHours).where(isNotNull(supervisionHours.noteSealed));
  for (const r of notes) await tx.update(supervisionHours).set({ noteSealed: encrypt(decrypt(r.sealed!)) }).where(eq(supervisionHours.id, r.id));
  return topics.length + notes.length;
}

/** At start, before the scheduler runs: seal what an older version left in plain text. */
export const sealedTextHooks: Hooks = {
  async onStart(bot) {
    const sealed = await bot.db.transaction((tx) => sealPlainText(tx, bot.secrets));
    // A count only, never whose or what.
    if (sealed) bot.log.info({ sealed }, 'sealed private supervision text written before sealing');
  },
};
