/**
 * The end-to-end run (`approximate`), the resource table and the construction cache, on targets with
 * known answers: `F(X)_i = i` (exact network, proved on one box), `x1` at ε = 1/2 (one affine unit,
 * λ = 2.08), and a refused target.
 */
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../arith/context.ts';
import { approximate } from './approximation-report.ts';
import { certifySamples, checkDeclaredModulus, checkPoints } from './certify.ts';
import { cachedConstruction, MIN_EPSILON, readTargetArgs } from './cache.ts';
import { ConstructionRefused } from './ridge-decomposition.ts';
import { CASE_STUDIES, DEFAULT_EPSILONS, resourceTable } from './resources.ts';
import { expressionTheoremTarget } from './theorem-target.ts';

const eps = (x: string) => new ExactDecimal(x);
const target = (f: string, L: string) => expressionTheoremTarget(f, 2, new ExactDecimal(L));

describe('approximate', () => {
  it('F(X)_i = i with the defaults: 200 random inputs besides the 9 adversarial ones, 100 modulus pairs, one box', () => {
    const r = approximate(target('i', '0'), eps('0.5'));
    expect([r.certification, r.certifiedError.toString(), r.samples.count, r.samples.violations, r.modulus.pairs, r.boxes?.boxes]).toEqual(['box-wise', '0', 209, 0, 100, 1]);
    expect(r.resources).toMatchObject({ heads: 2, width: 2, model: 5, lambda: '1' });
    expect(r.resources.nonZeroParameters).toBe(1 + 2 + 2 * (2 + 1 + 1 + 1) + 2 + 2);
    expect(r.resources.constructionMs).toBeGreaterThanOrEqual(0);
    expect(r.certifyMs).toBeGreaterThanOrEqual(0);
  });

  it('x1 at ε = 1/2: box-wise within 21 boxes, samples only with no box budget', () => {
    const boxed = approximate(target('x1', '1'), eps('0.5'), { samples: 1, maxBoxes: 21, modulusPairs: 2, seed: 3 });
    expect([boxed.certification, boxed.boxes?.certified, boxed.samples.count, boxed.modulus.pairs]).toEqual(['box-wise', true, 10, 2]);
    expect(boxed.certifiedError.toString()).toBe(boxed.boxes!.bound!.toString());
    const short = approximate(target('x1', '1'), eps('0.5'), { samples: 1, maxBoxes: 20, modulusPairs: 2 });
    expect([short.certification, short.boxes?.certified]).toEqual(['samples', false]);
    expect(short.certifiedError.toString()).toBe(short.samples.worstError.toString());
    const none = approximate(target('x1', '1'), eps('0.5'), { samples: 1, maxBoxes: 0, modulusPairs: 2 });
    expect([none.certification, none.boxes]).toEqual(['samples', undefined]);
    expect(none.resources.lambda).toBe('2.08');
  });

  it('the seed picks the random inputs (seed) and the modulus pairs (seed + 1); the default seed is 1', () => {
    const seeded = approximate(target('x1', '1'), eps('0.5'), { samples: 4, maxBoxes: 0, modulusPairs: 3, seed: 5 });
    const c = seeded.construction;
    expect(seeded.samples).toEqual(certifySamples(c, checkPoints(c, 4, 5)));
    expect(seeded.modulus).toEqual(checkDeclaredModulus(c, 3, 6));
    const refuted = approximate(target('x1', '0'), eps('0.5'), { samples: 4, maxBoxes: 0, modulusPairs: 3 });
    expect(refuted.samples).toEqual(certifySamples(refuted.construction, checkPoints(refuted.construction, 4, 1)));
    expect(refuted.modulus).toEqual(checkDeclaredModulus(refuted.construction, 3, 2));
  });

  it('a false declared modulus is reported, the network still certified', () => {
    const r = approximate(target('x1', '0'), eps('0.5'), { samples: 1, maxBoxes: 0, modulusPairs: 5 });
    expect(r.modulus.refuted?.token).toBe(1);
    expect(r.certification).toBe('samples');
  });
});

describe('resourceTable', () => {
  it('one row per (case study, ε), built and certified; a refused target gets a refused row with the reason', () => {
    const rows = resourceTable(
      [
        { name: 'x1', target: () => target('x1', '1') },
        { name: 'refused', target: () => target('x1*sin(x1 + x2)', '4') },
      ],
      ['0.5'],
      { samples: 1, maxBoxes: 21 },
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ caseStudy: 'x1', epsilon: '0.5', heads: 2, width: 1, lambda: '2.08', ledgerBound: '0.124931', certification: 'box-wise' });
    expect(rows[0]!.refusal).toBeUndefined();
    expect(rows[1]).toMatchObject({ caseStudy: 'refused', epsilon: '0.5', heads: 0, width: 0, parameters: 0, nonZeroParameters: 0, lambda: '', constructionMs: 0, ledgerBound: '', certifiedError: '', certification: 'refused' });
    expect(rows[1]!.refusal).toMatch(/^cannot construct a network for target "x1\*sin\(x1 \+ x2\)"/);
    expect(() => resourceTable([{ name: 'broken', target: () => { throw new RangeError('not a refusal'); } }], ['0.5'])).toThrow('not a refusal');
    const defaults = resourceTable([{ name: 'x1', target: () => target('x1', '1') }], ['0.5']);
    expect(defaults[0]!.certification).toBe('samples'); // no box budget by default
  });

  it('the report\'s case studies and ε column', () => {
    expect(CASE_STUDIES.map((c) => c.name)).toEqual(['x1*x2 + i/2 (n = 2)', 'max(x1, x2) (n = 2)', 'sin(x1) + x2/2 (n = 2)', 'abs(x1 - x2)*i/2 (n = 3)', 'x1*sin(x2) (n = 2)', 'library sin-of-sum k = 2 (n = 3)']);
    expect(CASE_STUDIES.map((c) => c.target()).map((t) => [t.id, t.tokens])).toEqual([
      ['x1*x2 + i/2', 2],
      ['max(x1, x2)', 2],
      ['sin(x1) + x2/2', 2],
      ['abs(x1 - x2) * i/2', 3],
      ['x1*sin(x2)', 2],
      ['library:sin(2*(x1+x2+x3))', 3],
    ]);
    expect(CASE_STUDIES.map((c) => { const m = c.target().modulus; return m.kind === 'lipschitz' ? m.L.toString() : ''; })).toEqual(['2', '1', '1.5', '3', '2', '6']);
    expect(DEFAULT_EPSILONS).toEqual(['0.2', '0.1', '0.05', '0.025']);
  });
});

describe('readTargetArgs and the construction cache', () => {
  it('reads an expression target or a library target, not both', () => {
    const a = readTargetArgs({ f: 'x1', lipschitz: '1', tokens: 3, epsilon: '0.5' });
    expect([a.tokens, a.epsilon.toString(), a.target.id, a.target.tokens]).toEqual([3, '0.5', 'x1', 3]);
    const lib = readTargetArgs({ target: { family: 'select-own' }, tokens: 2, epsilon: '0.25', f: undefined });
    expect(lib.target.id).toBe('library:select-own');
    expect(readTargetArgs({ target: null, f: 'x2', lipschitz: '1', tokens: 2, epsilon: '1' }).target.id).toBe('x2');
    expect(() => readTargetArgs({ target: { family: 'select-own' }, f: 'x1', tokens: 2, epsilon: '0.5' })).toThrow('argument f must not be given together with target, got "x1"');
    expect(() => readTargetArgs({ f: 'x1', lipschitz: '1', tokens: 9, epsilon: '0.5' })).toThrow(/argument tokens must be an integer in \[2, 8\]/);
    expect(() => readTargetArgs({ f: 'x1', lipschitz: '1', tokens: 2 })).toThrow('argument epsilon is required, got nothing');
    expect(() => readTargetArgs({ f: 'x1', tokens: 2, epsilon: '0.5' })).toThrow('argument lipschitz is required, got nothing');
    expect(() => readTargetArgs({ lipschitz: '1', tokens: 2, epsilon: '0.5' })).toThrow('argument f is required, got nothing');
    expect(MIN_EPSILON).toBe('0.001');
  });

  it('builds each network once per (target, tokens, ε, L) and caches refusals too', () => {
    const args = (f: string, L: string, e: string) => readTargetArgs({ f, lipschitz: L, tokens: 2, epsilon: e });
    const c = cachedConstruction(args('x1 + 1/8', '1', '0.5'));
    expect(cachedConstruction(args('x1 + 1/8', '1', '0.5'))).toBe(c);
    expect(cachedConstruction(args('x1 + 1/8', '2', '0.5'))).not.toBe(c);
    expect(cachedConstruction(args('x1 + 1/8', '1', '0.25'))).not.toBe(c);
    const refused = cachedConstruction(args('x1/x2', '1', '0.5'));
    expect(refused).toBeInstanceOf(ConstructionRefused);
    expect(cachedConstruction(args('x1/x2', '1', '0.5'))).toBe(refused);
    const broken = { ...target('x1', '1'), id: 'broken', textAt: () => { throw new RangeError('not a refusal'); } };
    expect(() => cachedConstruction({ target: broken, tokens: 2, epsilon: eps('0.5') })).toThrow('not a refusal');
    const lib = readTargetArgs({ target: { family: 'select-first' }, tokens: 2, epsilon: '0.5' });
    expect(cachedConstruction(lib)).toBe(cachedConstruction(readTargetArgs({ target: { family: 'select-first' }, tokens: 2, epsilon: '0.5' })));
  });
});
