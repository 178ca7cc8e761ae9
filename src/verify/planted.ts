/**
 * Planted false bounds: a claim with its bound replaced by a weaker-looking but false one. The suite
 * must refute each with a certified counterexample — the evidence that its tests can fail.
 */
import type { Arith, Interval } from '../arith/interval.ts';
import type { ClaimDefinition, Evaluation } from '../registry/define.ts';

/**
 * The claim `lhs ≤ newBound(args)`: same arguments, hypotheses and left side, the bound replaced and
 * the claim's rearranged margin dropped (the engine then decides `newBound − lhs` directly).
 */
export function withPlantedBound<Args>(
  claim: ClaimDefinition<Args>,
  plantedId: string,
  newBound: (args: Args, arith: Arith, original: Evaluation) => Interval,
): ClaimDefinition<Args> {
  return {
    id: plantedId,
    parse: (raw) => claim.parse(raw),
    hypotheses: (args) => claim.hypotheses(args),
    evaluate(args, arith) {
      const original = claim.evaluate(args, arith);
      return { lhs: original.lhs, bound: newBound(args, arith, original) };
    },
  };
}
