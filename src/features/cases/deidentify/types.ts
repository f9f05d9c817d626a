// The shape of a de-identification finding, shared by every detector in this folder.

export type FindingKind =
  | 'pesel'
  | 'nip'
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  | 'url'
  | 'date'
  | 'age-place'
  | 'rare-detail'
  | 'workplace'
  | 'town'
  | 'name';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offsets into the checked text, `end` exclusive. */
  start: number;
  end: number;
  /** The exact text at [start, end). */
  text: string;
  /** Always masked when published, whatever the author chooses in the preview. */
  mandatoryMask: boolean;
}

/** Kinds the issue requires masking in every published case; the rest are shown to the author only. */
export const MANDATORY_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['pesel', 'nip', 'email', 'phone']);

export function makeFinding(kind: FindingKind, source: string, start: number, end: number): Finding {
  return { kind, start, end, text: source.slice(start, end), mandatoryMask: MANDATORY_KINDS.has(kind) };
}

/** Runs a global regex over `text` and turns every accepted match into a finding. */
export function collect(
  re: RegExp,
  text: string,
  kind: FindingKind,
  accept: (m: RegExpExecArray) => boolean = () => true,
): Finding[] {
  const out: Finding[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (accept(m)) out.push(makeFinding(kind, text, m.index, m.index + m[0].length));
  }
  return out;
}
