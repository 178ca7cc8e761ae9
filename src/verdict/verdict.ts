/**
 * The five verdicts a probe can receive (MATH.md, "Verdicts").
 *
 * - `holds`: the claim's inequality is proved for this probe by directed-rounding enclosures.
 * - `violated`: the inequality is disproved for this probe, with certified enclosures.
 * - `inconclusive`: undecided even at the precision cap.
 * - `inapplicable`: a hypothesis of the lemma fails for this probe; `reason` names it.
 * - `error`: the probe is malformed; `reason` names the argument and value.
 */
export type VerdictKind = 'holds' | 'violated' | 'inconclusive' | 'inapplicable' | 'error';

/** The answer for one probe. */
export interface Verdict {
  readonly verdict: VerdictKind;
  /** The left side, correct to the requested significant digits (absent for `inapplicable`/`error`). */
  readonly lhs?: string;
  /** The bound, correct to the requested significant digits. */
  readonly bound?: string;
  /** Why the probe is `inapplicable`, `error` or `inconclusive`. */
  readonly reason?: string;
  /** The hypothesis that failed, for `inapplicable`. */
  readonly hypothesis?: string;
  /** Working precision (significant digits) at which the verdict was decided. */
  readonly precision?: number;
  /**
   * `double-double` when the engine's fast path (`src/arith/double-double.ts`) decided the verdict;
   * absent when decimal.js interval arithmetic did (or for `inapplicable`/`error`).
   */
  readonly arithmetic?: 'double-double';
  /** `lhs / bound` to 8 significant digits, for tightness statistics (absent when the bound is 0). */
  readonly ratio?: string;
}
