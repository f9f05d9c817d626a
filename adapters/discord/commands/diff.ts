// Compare the commands Discord has with the ones the registry wants: only what changed is sent.
import type { CommandJson } from './build.js';

export interface ExistingCommand extends CommandJson {
  id: string;
}

export interface CommandPlan {
  create: CommandJson[];
  update: { id: string; command: CommandJson }[];
  remove: ExistingCommand[];
  unchanged: string[];
}

/** Canonical JSON: keys sorted; null, undefined, false, empty arrays and objects dropped (Discord echoes defaults). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[k]);
      if (v === null || v === undefined || v === false) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
      out[k] = v;
    }
    return out;
  }
  return value;
}

const COMPARED = ['type', 'name', 'description', 'name_localizations', 'description_localizations', 'options', 'default_member_permissions', 'contexts'] as const;

export function sameCommand(a: CommandJson, b: CommandJson): boolean {
  const pick = (c: CommandJson) => Object.fromEntries(COMPARED.map((k) => [k, c[k]]));
  return JSON.stringify(canonical(pick(a))) === JSON.stringify(canonical(pick(b)));
}

export function planCommands(existing: ExistingCommand[], wanted: CommandJson[]): CommandPlan {
  const plan: CommandPlan = { create: [], update: [], remove: [], unchanged: [] };
  for (const w of wanted) {
    const have = existing.find((e) => e.name === w.name && (e.type ?? 1) === 1);
    if (!have) plan.create.push(w);
    else if (!sameCommand(have, w)) plan.update.push({ id: have.id, command: w });
    else plan.unchanged.push(w.name);
  }
  for (const e of existing) if (!wanted.some((w) => w.name === e.name)) plan.remove.push(e);
  return plan;
}
