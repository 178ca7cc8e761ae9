/**
 * How a lemma, its claims and its findings are written in `proof/`.
 *
 * The code holds what runs: ids, `uses` edges, argument readers, hypotheses checks and the
 * enclosures of each side. The doc comment above each `defineLemma` / `defineClaim` /
 * `defineFinding` holds what is read: the statement in notation (TeX between `$…$`), and the tags
 * `@hypothesis <name> <statement>`, `@bound`, `@method`, `@reference`. The registry
 * (`src/registry/`) reads both with ts-morph; nothing about a lemma is written twice.
 */
import type { Arith, Interval } from '../arith/interval.ts';
import type { DDBall } from '../arith/double-double.ts';

/** The two sides of a claim `lhs ≤ bound` at one precision, with an optional rearranged margin. */
export interface Evaluation {
  /** Enclosure of the left side. */
  readonly lhs: Interval;
  /** Enclosure of the bound. */
  readonly bound: Interval;
  /**
   * Enclosure of `bound − lhs`, computed in a form that avoids cancellation. When absent the engine
   * uses `bound − lhs` directly. It must enclose the same real number.
   */
  readonly margin?: Interval;
}

/**
 * The same three enclosures as {@link Evaluation}, as double-double balls (`src/arith/double-double.ts`):
 * the engine's fast path. Each ball must enclose the very same real number as its decimal twin.
 */
export interface FastEvaluation {
  readonly lhs: DDBall;
  readonly bound: DDBall;
  /** Encloses `bound − lhs`, or that quantity times a positive factor (only its sign is used). */
  readonly margin?: DDBall;
  /** When set, the left side is `lhs·10^{lhsScale10}` (values below the double range; default 0). */
  readonly lhsScale10?: number;
  /** When set, the bound is `bound·10^{boundScale10}` (default 0). */
  readonly boundScale10?: number;
}

/** A failed hypothesis: the probe lies outside the lemma's domain. */
export interface HypothesisFailure {
  /** The hypothesis name, as in the lemma's `@hypothesis` tags (e.g. `margin`). */
  readonly hypothesis: string;
  /** Why it fails for this probe, with the values (e.g. `tie: z[0] = z[2] = 1.5, so Δ = 0`). */
  readonly reason: string;
}

/**
 * One claim `lhs ≤ bound` of a lemma, executable on one probe.
 *
 * `Args` is the parsed, exact form of the probe's JSON arguments. Members use method syntax so that a
 * `ClaimDefinition<Specific>` is usable where a `ClaimDefinition<unknown>` is listed.
 */
export interface ClaimDefinition<Args = unknown> {
  /** The claim id within its lemma, e.g. `linf`. */
  readonly id: string;
  /** Reads the raw JSON arguments exactly; throws `ArgumentError` naming the argument and value. */
  parse(raw: Record<string, unknown>): Args;
  /** The first hypothesis that fails for these arguments, if any. */
  hypotheses(args: Args): HypothesisFailure | undefined;
  /** Encloses both sides (and optionally the margin) at the arithmetic's precision. */
  evaluate(args: Args, arith: Arith): Evaluation;
  /**
   * Optional fast path: the same enclosures as {@link evaluate} in double-double ball arithmetic, read
   * straight from the raw JSON arguments. It accepts only a strict subset of what {@link parse}
   * accepts and returns undefined unless it can read every argument and every hypothesis provably
   * holds; the engine then runs the full path (which also reports errors and failed hypotheses). The
   * engine tries it first and also falls back whenever its balls are too wide to decide or to fix the
   * requested digits. A wrapper that changes `evaluate` (a planted bound, say) must not copy `fast`.
   */
  fast?(raw: Record<string, unknown>): FastEvaluation | undefined;
}

/**
 * A finding: a claim with one hypothesis dropped, expected to be violated somewhere. When a
 * certified violation is found, the hypothesis is shown necessary.
 */
export interface FindingDefinition<Args = unknown> extends ClaimDefinition<Args> {
  /** The hypothesis shown necessary (a name among the lemma's `@hypothesis` tags). */
  readonly drops: string;
}

/** A lemma or theorem: its id, the lemmas it uses, its claims and its findings. */
export interface LemmaDefinition {
  readonly kind: 'lemma' | 'theorem';
  readonly id: string;
  readonly uses: readonly string[];
  readonly claims: readonly ClaimDefinition<unknown>[];
  readonly findings: readonly FindingDefinition<unknown>[];
}

const LEMMA_BRAND = Symbol.for('uat-companion.lemma');

/** Declares one claim. The doc comment above the declaration is its statement. */
export function defineClaim<Args>(claim: ClaimDefinition<Args>): ClaimDefinition<Args> {
  return Object.freeze({ ...claim });
}

/** Declares one finding (a hypothesis shown necessary). */
export function defineFinding<Args>(finding: FindingDefinition<Args>): FindingDefinition<Args> {
  return Object.freeze({ ...finding });
}

/** Declares a lemma (or, with `kind: 'theorem'`, the theorem). */
export function defineLemma(lemma: {
  kind?: 'lemma' | 'theorem';
  id: string;
  uses: readonly string[];
  claims: readonly ClaimDefinition<unknown>[];
  findings?: readonly FindingDefinition<unknown>[];
}): LemmaDefinition {
  const ids = new Set<string>();
  for (const c of [...lemma.claims, ...(lemma.findings ?? [])]) {
    if (ids.has(c.id)) throw new Error(`defineLemma(${lemma.id}): claim id ${c.id} is used twice`);
    ids.add(c.id);
  }
  const value: LemmaDefinition = {
    kind: lemma.kind ?? 'lemma',
    id: lemma.id,
    uses: Object.freeze([...lemma.uses]),
    claims: Object.freeze([...lemma.claims]),
    findings: Object.freeze([...(lemma.findings ?? [])]),
  };
  Object.defineProperty(value, LEMMA_BRAND, { value: true });
  return Object.freeze(value);
}

/** True for values made by {@link defineLemma}. */
export function isLemma(value: unknown): value is LemmaDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LEMMA_BRAND] === true;
}
