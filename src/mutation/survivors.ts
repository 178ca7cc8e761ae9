/**
 * Survivor explanations (`src/mutation/survivors/<area>.json`): why a mutant that no test of its
 * area detects may stay. The file is an array of
 * `{ "file": "src/x.ts", "line": 12, "mutator": "ConditionalExpression", "replacement": "false", "why": "…" }`,
 * `line` being the mutant's 1-based start line; an explanation covers every survivor with the same
 * file, line, mutator and replacement.
 *
 * A survivor is a mutant that survived or that no test covers. Matching sorts the survivors into
 * explained and unexplained, and finds the stale explanations (those that match no survivor: the
 * mutant is now detected, or the code moved).
 */
import type { MutantRecord } from './stryker-report.ts';

/** One explanation, as written in a survivors file. */
export interface SurvivorExplanation {
  readonly file: string;
  readonly line: number;
  readonly mutator: string;
  readonly replacement: string;
  /** One true sentence saying why the mutant may survive. */
  readonly why: string;
}

/** A survivors file that is not an array of well-formed explanations; the message names the file and the entry. */
export class SurvivorFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SurvivorFileError';
  }
}

const FIELDS = ['file', 'line', 'mutator', 'replacement', 'why'] as const;

/** Parses and checks the text of a survivors file; `source` (the file's name) starts every error message. */
export function parseSurvivorExplanations(text: string, source: string): SurvivorExplanation[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SurvivorFileError(`${source}: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) throw new SurvivorFileError(`${source}: must be an array of explanations, not ${describe(json)}`);
  const seen = new Map<string, number>();
  return json.map((entry: unknown, index) => {
    const explanation = explanationOf(entry, `${source}: entry ${index}`);
    const key = keyOf(explanation);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new SurvivorFileError(`${source}: entry ${index}: explains the same mutant as entry ${earlier}`);
    seen.set(key, index);
    return explanation;
  });
}

function explanationOf(entry: unknown, place: string): SurvivorExplanation {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new SurvivorFileError(`${place}: must be an object, not ${describe(entry)}`);
  const record = entry as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new SurvivorFileError(`${place}: unknown field "${unknown[0]}" (the fields are ${FIELDS.join(', ')})`);
  for (const field of FIELDS) {
    if (!(field in record)) throw new SurvivorFileError(`${place}: missing field "${field}"`);
  }
  const { file, line, mutator, replacement, why } = record;
  for (const [field, value] of [['file', file], ['mutator', mutator], ['replacement', replacement], ['why', why]] as const) {
    if (typeof value !== 'string') throw new SurvivorFileError(`${place}: "${field}" must be a string, not ${describe(value)}`);
  }
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw new SurvivorFileError(`${place}: "line" must be a positive integer, not ${describe(line)}`);
  for (const [field, value] of [['file', file], ['mutator', mutator], ['why', why]] as const) {
    if ((value as string).trim() === '') throw new SurvivorFileError(`${place}: "${field}" is empty`);
  }
  return { file: file as string, line, mutator: mutator as string, replacement: replacement as string, why: why as string };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The key a survivor and its explanation share. */
function keyOf(m: Located): string {
  return JSON.stringify([m.file, m.line, m.mutator, m.replacement]);
}

/** Whether a mutant is a survivor: it survived its area's tests, or none of them ran its code. */
export function isSurvivor(mutant: MutantRecord): boolean {
  return mutant.status === 'Survived' || mutant.status === 'NoCoverage';
}

/** The survivors of an area sorted by explanation, and the explanations that match no survivor. */
export interface SurvivorMatch {
  readonly explained: readonly { readonly mutant: MutantRecord; readonly why: string }[];
  readonly unexplained: readonly MutantRecord[];
  readonly stale: readonly SurvivorExplanation[];
}

type Located = Pick<MutantRecord, 'file' | 'line' | 'mutator' | 'replacement'>;

/** Orders by file, line, mutator, replacement. */
export function byPlace(a: Located, b: Located): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.mutator !== b.mutator) return a.mutator < b.mutator ? -1 : 1;
  return a.replacement === b.replacement ? 0 : a.replacement < b.replacement ? -1 : 1;
}

/** Matches the survivors among `mutants` with `explanations` (on file, line, mutator and replacement), each list in order of place. */
export function matchSurvivors(mutants: readonly MutantRecord[], explanations: readonly SurvivorExplanation[]): SurvivorMatch {
  const byKey = new Map(explanations.map((e) => [keyOf(e), e]));
  const used = new Set<string>();
  const explained: { mutant: MutantRecord; why: string }[] = [];
  const unexplained: MutantRecord[] = [];
  for (const mutant of mutants.filter(isSurvivor).sort(byPlace)) {
    const key = keyOf(mutant);
    const explanation = byKey.get(key);
    if (explanation === undefined) {
      unexplained.push(mutant);
    } else {
      used.add(key);
      explained.push({ mutant, why: explanation.why });
    }
  }
  return { explained, unexplained, stale: explanations.filter((e) => !used.has(keyOf(e))).sort(byPlace) };
}
