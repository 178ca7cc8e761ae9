/**
 * readTargetIn with user expressions: a declared modulus belongs to the expression (its id is the
 * expression's), and replaces a library target's proved one only when a library target is given. In a
 * file of its own: the expression parser (mathjs) costs about a second to load in every fresh worker.
 */
import { describe, expect, it } from 'vitest';
import { readTargetIn } from './probe.ts';

describe('readTargetIn with an expression', () => {
  it('keeps the expression target as read, with its declared modulus', () => {
    const t = readTargetIn({ f: 'x1 + 2*x2', lipschitz: '3' }, 2);
    expect(t.id).toBe('expr:x1 + 2*x2');
    expect(t.modulus.kind === 'lipschitz' && t.modulus.L.toString()).toBe('3');
    const nullTarget = readTargetIn({ f: 'x', target: null, holder: { C: '1', alpha: '0.5' } }, 1);
    expect(nullTarget.id).toBe('expr:x');
    expect(nullTarget.modulus.kind).toBe('holder');
  });
});
