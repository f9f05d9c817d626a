// The shape of a de-identification finding, shared by every detector in this folder.

export type FindingKind =
  | 'pesel'
  | 'nip'
  | 'iban'
  | 'id-number'
  | 'phone'
  | 'email'
  | 'handle'
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

/**
 * Kinds masked in every published case; the rest are shown to the author only. A bank account, an ID card, a passport
 * or a number after a document's label ("nr historii choroby …") identifies one person as surely as a PESEL and says
 * nothing a colleague needs, so it is masked too.
 */
export const MANDATORY_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(['pesel', 'nip', 'iban', 'id-number', 'email', 'phone']);

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
