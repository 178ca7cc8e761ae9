/**
 * Reading a theorem probe's target and accuracy, and a cache of constructions keyed by
 * (target, tokens, ε), so that a campaign of many inputs builds each network once.
 */
import type { Decimal } from 'decimal.js';
import { readDecimal, readInteger, readString, required } from '../verdict/args.ts';
import { ArgumentError } from '../verdict/errors.ts';
import { constructTransformer, type Construction } from './construct.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { expressionTheoremTarget, libraryTheoremTarget, MAX_TOKENS, type TheoremTarget } from './theorem-target.ts';

/** Smallest ε accepted (the widths grow like ε^{-1/2} per ridge). */
export const MIN_EPSILON = '0.001';

export interface TargetArgs {
  readonly target: TheoremTarget;
  readonly tokens: number;
  readonly epsilon: Decimal;
}

/** Reads `tokens`, `epsilon` and the target: `f` (expression in x1 … xn, i) with `lipschitz`, or `target` (library spec). */
export function readTargetArgs(raw: Record<string, unknown>): TargetArgs {
  const tokens = readInteger(required(raw, 'tokens'), 'tokens', 2, MAX_TOKENS);
  const epsilon = readDecimal(required(raw, 'epsilon'), 'epsilon');
  const hasLibrary = raw.target !== undefined && raw.target !== null;
  if (hasLibrary && raw.f !== undefined) throw new ArgumentError('f', raw.f, 'must not be given together with target');
  const target = hasLibrary
    ? libraryTheoremTarget(raw.target, tokens)
    : expressionTheoremTarget(readString(required(raw, 'f'), 'f', 10_000), tokens, readDecimal(required(raw, 'lipschitz'), 'lipschitz'));
  return { target, tokens, epsilon };
}

const cache = new Map<string, Construction | ConstructionRefused>();
const CACHE_LIMIT = 200;

/** The construction for these arguments (cached), or the refusal. */
export function cachedConstruction(a: TargetArgs): Construction | ConstructionRefused {
  const key = `${a.target.id}|${a.tokens}|${a.epsilon.toString()}|${a.target.modulus.kind === 'lipschitz' ? a.target.modulus.L.toString() : ''}`;
  let c = cache.get(key);
  if (c === undefined) {
    try {
      c = constructTransformer(a.target, a.epsilon);
    } catch (e) {
      if (!(e instanceof ConstructionRefused)) throw e;
      c = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, c);
  }
  return c;
}
