// Race tests on PostgreSQL: a third connection holds a lock that stops one transaction at an exact moment (between its
// check and its write) while another goes ahead. PGlite runs one transaction at a time, so these run on PostgreSQL only.
import postgres from 'postgres';

export interface Locks {
  /** Runs `statement` (a `lock table …` or a `select … for update`) in a transaction held open until released. */
  hold(statement: string): Promise<{ release: () => Promise<void> }>;
  /** Holds `lock table <table> in share mode`: no insert or update there gets through until released. */
  holdTable(table: string): Promise<{ release: () => Promise<void> }>;
  /** Transactions of this database waiting for a lock, whose statement mentions `text` when given. */
  waiting(text?: string): Promise<number>;
  end(): Promise<void>;
}

export function lockHolder(url: string): Locks {
  const admin = postgres(url, { max: 3, onnotice: () => {} });
  const hold = (statement: string) =>
    new Promise<{ release: () => Promise<void> }>((held, failed) => {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const done = admin
        .begin(async (sql) => {
          await sql.unsafe(statement);
          held({ release: async () => (release(), await done) });
          await released;
        })
        .then(() => undefined, failed);
    });
  return {
    hold,
    holdTable: (table) => hold(`lock table ${table} in share mode`),
    async waiting(text) {
      const [row] = await admin`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike ${`%${text ?? ''}%`}`;
      return (row as { n: number }).n;
    },
    end: () => admin.end(),
  };
}

/** Polls `what` every 20 ms until it is true (10 s at most). */
export async function until(what: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `act` and returns its promise, and a check whether it has finished. */
export function started(act: () => Promise<unknown>): { p: Promise<unknown>; finished: () => boolean } {
  let finished = false;
  const p = act().finally(() => (finished = true));
  return { p, finished: () => finished };
}
