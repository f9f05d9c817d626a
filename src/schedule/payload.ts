// Typed schedule payloads: a kind's name carries its payload's type, and rows are read and written through it.
//
// The `payload` column is one jsonb for every kind. Each feature declares its kind with `scheduleKindName<P>()('x')`;
// `payloadOf(row, KIND)` then gives the row's payload as that kind's type, after checking that the row is of that kind
// (a row of another kind there is a bug), and `payloadFor(KIND, p)` checks what is written against the same type.
// Both are a comparison at most: the tick reads every fired row through payloadOf.
import type { ScheduleRow } from './kinds.js';

/** What the column holds for any kind: a JSON object. */
export type StoredPayload = ScheduleRow['payload'];

declare const payloadType: unique symbol;

/**
 * A schedule kind's name (a plain string at run time) that carries the type of its payload. Payloads are declared as
 * object types (`type X = { … }`), not interfaces: they are then JSON objects by their type, written without a cast.
 */
export type KindName<N extends string = string, P extends StoredPayload = StoredPayload> = N & { readonly [payloadType]: P };

/** Declare a kind: `export const PROMPT_KIND = scheduleKindName<PromptPayload>()('prompt')`. */
export const scheduleKindName =
  <P extends StoredPayload>() =>
  <N extends string>(name: N): KindName<N, P> =>
    name as KindName<N, P>;

/** The payload of `row`, which must be of `kind`: another kind's row read as this one would be read wrong. */
export function payloadOf<P extends StoredPayload>(row: Pick<ScheduleRow, 'id' | 'kind' | 'payload'>, kind: KindName<string, P>): P {
  // Ids and kind names only: a payload can hold what members wrote (sealed or not), never for a log.
  if (row.kind !== kind) throw new Error(`schedule ${row.id} is of kind '${row.kind}', read as '${kind}'`);
  return row.payload as P;
}

/** A payload to store in a row of `kind` (insert or update), checked against that kind's type. */
export function payloadFor<P extends StoredPayload>(_kind: KindName<string, P>, payload: NoInfer<P>): StoredPayload {
  return payload;
}
