/**
 * Theorem single-layer-transformer: the audits (margin-necessary, positional-encoding-necessary) name
 * their input X in every refusal of it: a missing X, an X with one entry per token too few or too
 * many, an entry that is not a decimal.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../src/verdict/decide.ts';
import { marginNecessary, positionalEncodingNecessary } from './single-layer-transformer.ts';

describe('single-layer-transformer: the audits read X', () => {
  it.each([
    ['margin-necessary', marginNecessary],
    ['positional-encoding-necessary', positionalEncodingNecessary],
  ] as const)('%s names X when it has the wrong length or a bad entry', (_name, claim) => {
    const reason = (X: unknown) => decide(claim, { tokens: 2, epsilon: '0.1', X }, { digits: 6 }).reason;
    expect(reason(undefined)).toBe('argument X is required, got nothing');
    expect(reason(['0'])).toBe('argument X must have between 2 and 2 entries (has 1), got ["0"]');
    expect(reason(['0', '1', '1'])).toBe('argument X must have between 2 and 2 entries (has 3), got ["0","1","1"]');
    expect(reason(['0', 'a'])).toBe('argument X[1] must be a finite decimal number such as "-1.25" or "3e-7", got "a"');
  });
});
