/**
 * The double-double fast path against decimal.js: every ball encloses the value computed at 60
 * digits (inclusion), and on the same probes the fast path and the decimal path give the same
 * verdict, the same `lhs` and `bound` strings and the same ratio — on random probes, on near-tight
 * probes (the tight family at large `λΔ`), and on probes the fast path must leave to the decimal
 * path (ties, bad arguments, unusual number forms).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attention, l1, linf, monotone, temperature } from '../../proof/softmax-hardmax.ts';
import { ExactDecimal } from '../arith/context.ts';
import { ballToSignificantDigits, decimalText, newBallFromDecimal } from '../arith/double-double-decimal.ts';
import { ballOfSmallDecimal, ballOfWideDecimal, readSmallDecimal, readWideDecimal } from '../arith/double-double-input.ts';
import { pow10Ball, POW10_BALL_LIMIT } from '../arith/double-double-power10.ts';
import { expOfNegativeExact, LN10_FIXED } from '../math/softmax-fast.ts';
import { addBall, DDBall, divBall, expBall, lnBall, mulBall, subBall } from '../arith/double-double.ts';
import type { ClaimDefinition } from '../registry/define.ts';
import { decide } from './decide.ts';
import { readDecimal } from './args.ts';

/** Reference arithmetic: 1100 digits hold any double exactly; transcendental results at 60 digits. */
const Exact = Decimal.clone({ precision: 1100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });

function exactOf(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`exactOf: ${x} is not finite`);
  if (x === 0) return new Exact(0);
  const [m, e] = frexpInteger(x);
  return new Exact(m.toString()).times(new Exact(2).pow(e));
}

/** x = m·2^e with an integer m (exact). */
function frexpInteger(x: number): [bigint, number] {
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  return [BigInt(m), e];
}

/** True when the ball contains the reference value `r`. */
function encloses(b: DDBall, r: Decimal.Value): boolean {
  if (b.rad === Infinity) return true; // a ball carrying no information encloses everything
  const mid = exactOf(b.hi).plus(exactOf(b.lo));
  return mid.minus(r).abs().lte(exactOf(b.rad));
}

function relativeRadius(b: DDBall): number {
  return b.rad / Math.abs(b.hi);
}

/** Probe counts: a tenth under mutation testing (UAT_MUTATION=1), where every covering test reruns per mutant. */
const runs = (n: number): number => (process.env.UAT_MUTATION === '1' ? Math.max(3, Math.ceil(n / 10)) : n);

const decimalOnly = <A,>(c: ClaimDefinition<A>): ClaimDefinition<A> => ({ id: c.id, parse: c.parse, hypotheses: c.hypotheses, evaluate: c.evaluate });

describe('double-double balls enclose the exact results', () => {
  it('e^{ln 2} and the decimal inputs', () => {
    const x = new DDBall();
    expBall(x, new DDBall(Math.LN2)); // exercises the table of 2^{j/64}
    expect(encloses(x, new Ref(exactOf(Math.LN2).toString()).exp())).toBe(true);
    for (const text of ['0.1', '-0.12345678', '3e-7', '12345.678', '1e22', '-7.25e-19']) {
      const b = ballOfSmallDecimal(readSmallDecimal(text)!)!;
      expect(encloses(b, text), text).toBe(true);
      expect(encloses(newBallFromDecimal(new ExactDecimal(text))!, text), text).toBe(true);
    }
    for (const text of ['-7.25e-21', '3e-150', '123456789012345e120']) {
      // exponents beyond ±22: the exact mantissa times the ball around 10^e
      expect(encloses(ballOfSmallDecimal(readSmallDecimal(text)!)!, text), text).toBe(true);
    }
    expect(ballOfSmallDecimal(readSmallDecimal('1e-151')!)).toBeUndefined(); // beyond the table of 10^k
  });

  it('exp and ln on random arguments, with relative radius below 1e-26', () => {
    fc.assert(
      fc.property(fc.double({ min: -340, max: 340, noNaN: true }), fc.double({ min: -1e-17, max: 1e-17, noNaN: true }), (hi, lo) => {
        const a = new DDBall(hi, Math.abs(lo) <= Math.abs(hi) * 2 ** -53 ? lo : 0, 0);
        const arg = exactOf(a.hi).plus(exactOf(a.lo));
        const e = expBall(new DDBall(), a);
        expect(encloses(e, new Ref(arg.toString()).exp())).toBe(true);
        expect(relativeRadius(e)).toBeLessThan(1e-26);
        const l = lnBall(new DDBall(), e);
        expect(encloses(l, arg)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('+ − × ÷ on random balls', () => {
    const ball = fc
      .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e-20, noNaN: true }))
      .filter(([h]) => Math.abs(h) > 1e-100)
      .map(([h, r]) => new DDBall(h, 0, r * Math.abs(h)));
    fc.assert(
      fc.property(ball, ball, fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 }), (a, b, sa, sb) => {
        // reference: a corner of each ball (any element must be enclosed)
        const x = exactOf(a.hi).plus(exactOf(a.rad).times(sa));
        const y = exactOf(b.hi).plus(exactOf(b.rad).times(sb));
        expect(encloses(addBall(new DDBall(), a, b), x.plus(y))).toBe(true);
        expect(encloses(subBall(new DDBall(), a, b), x.minus(y))).toBe(true);
        expect(encloses(mulBall(new DDBall(), a, b), x.times(y))).toBe(true);
        expect(encloses(divBall(new DDBall(), a, b), new Ref(x.toString()).div(y.toString()))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('powers of ten, ln 10 and e^{−x} below the double range', () => {
  it('the balls around 10^k enclose 10^k, exactly for 0 ≤ k ≤ 45', () => {
    for (let k = -POW10_BALL_LIMIT; k <= POW10_BALL_LIMIT; k += k % 7 === 0 ? 1 : 3) {
      const b = pow10Ball(k)!;
      expect(encloses(b, new Exact(10).pow(k)), String(k)).toBe(true);
      expect(b.rad / b.hi, String(k)).toBeLessThan(2 ** -104);
      if (k >= 0 && k <= 45) expect(b.rad, String(k)).toBe(0);
    }
    expect(pow10Ball(POW10_BALL_LIMIT + 1)).toBeUndefined();
    expect(pow10Ball(-POW10_BALL_LIMIT - 1)).toBeUndefined();
  });

  it('LN10_FIXED is ⌊ln 10·2¹⁶⁰⌋', () => {
    const ln10 = Decimal.clone({ precision: 100 }).ln(10).times(new Exact(2).pow(160));
    expect(LN10_FIXED.toString()).toBe(ln10.floor().toFixed(0));
  });

  it('e^{−x} = f·10^{−E} for exact x from 150 to 10¹²: the ball f encloses e^{E ln 10 − x}, relative radius below 1e-26', () => {
    const Wide = Decimal.clone({ precision: 80 });
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.integer({ min: -8, max: 2 }), (m, k) => {
        const x = new Wide(m.toString()).times(new Wide(10).pow(k));
        if (x.lte(151) || x.gt(1e12)) return;
        const f = new DDBall();
        const e = expOfNegativeExact(f, m, k)!;
        expect(e).toBe(x.div(Wide.ln(10)).floor().toNumber());
        expect(encloses(f, new Wide(e).times(Wide.ln(10)).minus(x).exp()), x.toString()).toBe(true);
        expect(relativeRadius(f)).toBeLessThan(1e-26);
      }),
      { numRuns: runs(150) },
    );
  });

  it('readWideDecimal reads up to 40 significant digits exactly, or declines', () => {
    const text = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,30}$/), fc.option(fc.stringMatching(/^\d{1,25}$/)), fc.option(fc.integer({ min: -120, max: 120 })))
      .map(([sign, i, f, e]) => `${sign}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `e${e}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const wide = readWideDecimal(t);
        if (wide === undefined) return;
        const mantissa = wide.big === undefined ? new ExactDecimal(wide.mantissa) : new ExactDecimal(wide.big.toString());
        expect(mantissa.times(new ExactDecimal(10).pow(wide.exponent)).eq(readDecimal(t, 'x')), t).toBe(true);
        const b = ballOfWideDecimal(wide);
        if (b !== undefined) expect(encloses(b, readDecimal(t, 'x').toString()), t).toBe(true);
      }),
      { numRuns: runs(400) },
    );
    expect(readWideDecimal('1234567890123456789012345678901234567891e-50')).toMatchObject({ big: 1234567890123456789012345678901234567891n, exponent: -50 });
    expect(readWideDecimal('-12345678901234567890.000')).toMatchObject({ big: -1234567890123456789n, exponent: 1 }); // trailing zeros go to the exponent
    for (const bad of ['12345678901234567890123456789012345678901', '1e400', '1.', ' 1', 'x']) expect(readWideDecimal(bad), bad).toBeUndefined();
  });

  it('prints the digits of a value just below 10^{D−1} from a double-double whose hi rounds onto it', () => {
    // 1e-20/(1 + 1e-20) = 9.99999999999999999990…e-21: hi(y) lands on 10^19 at 20 digits
    const b = divBall(new DDBall(), ballOfSmallDecimal(readSmallDecimal('1e-20')!)!, addBall(new DDBall(), new DDBall(1), ballOfSmallDecimal(readSmallDecimal('1e-20')!)!));
    expect(ballToSignificantDigits(b, 20)).toBe('9.9999999999999999999e-21');
    expect(ballToSignificantDigits(b, 20, -7)).toBe('9.9999999999999999999e-28');
    expect(ballToSignificantDigits(b, 19)).toBe('1e-20');
    // 10^{−39}·(1 + 10⁻³⁹) at 20 digits: the product by 10^{58} lands a hair below 10^{19}, by 10^{59} on 10^{20}
    const near = new DDBall(1e-39, 7.070712060011985e-56, 6.314575069432308e-69);
    expect(encloses(near, new Exact('1e-39').plus('1e-78'))).toBe(true);
    expect(ballToSignificantDigits(near, 20)).toBe('1e-39');
    expect(ballToSignificantDigits(pow10Ball(-39)!, 20)).toBe('1e-39');
    expect(ballToSignificantDigits(new DDBall(1e-39, 7.070712060011985e-56, 1e-59), 20)).toBeUndefined(); // reaches 10⁻⁴⁰·(10 − 0.1)
  });
});

describe('reading and printing decimals', () => {
  it('readSmallDecimal reads exactly what readDecimal reads, or declines', () => {
    const text = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,18}$/), fc.option(fc.stringMatching(/^\d{1,10}$/)), fc.option(fc.integer({ min: -30, max: 30 })))
      .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `e${e}`}`);
    fc.assert(
      fc.property(text, (t) => {
        const small = readSmallDecimal(t);
        if (small === undefined) return;
        expect(new ExactDecimal(small.mantissa).times(new ExactDecimal(10).pow(small.exponent)).eq(readDecimal(t, 'x'))).toBe(true);
      }),
      { numRuns: runs(500) },
    );
    for (const bad of ['', '-', '1.', '.5', ' 1', '1e', '1e+', '0x10', 'NaN', '1.2.3', '1234567890123456', null, true, [1]]) {
      expect(readSmallDecimal(bad), String(bad)).toBeUndefined();
    }
  });

  it('decimalText prints what decimal.js prints', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,24}$/), fc.integer({ min: -40, max: 40 }), fc.boolean(), (digits, e, negative) => {
        const want = new ExactDecimal(`${negative ? '-' : ''}${digits}e${e - digits.length + 1}`).toString();
        expect(decimalText(negative, digits, e)).toBe(want);
      }),
    );
  });

  it('ballToSignificantDigits gives the digits every element rounds to', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e30, max: 1e30, noNaN: true }).filter((x) => Math.abs(x) > 1e-30), fc.integer({ min: 1, max: 26 }), (x, digits) => {
        const b = new DDBall(x, 0, Math.abs(x) * 1e-31);
        const text = ballToSignificantDigits(b, digits);
        if (text === undefined) return;
        const lo = exactOf(x).minus(exactOf(b.rad));
        const hi = exactOf(x).plus(exactOf(b.rad));
        expect(new ExactDecimal(lo.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN)).toString()).toBe(text);
        expect(new ExactDecimal(hi.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN)).toString()).toBe(text);
      }),
      { numRuns: runs(500) },
    );
  });
});

/** Scores with 8 decimals in [−1, 1]. */
const score = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((m) => new ExactDecimal(m).div(1e8).toFixed(8));
const scores = fc.array(score, { minLength: 2, maxLength: 16 });
const positive = (max: number) => fc.integer({ min: 1, max: max * 10_000 }).map((m) => new ExactDecimal(m).div(10_000).toString());

/** The tight family: every non-maximal score at `z* − Δ`, large `λΔ`. */
const tightFamily = fc
  .tuple(fc.integer({ min: 2, max: 16 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 20, max: 330 }))
  .map(([n, delta, lambdaDelta]) => {
    const d = new ExactDecimal(delta).div(1000);
    return { z: ['1', ...Array.from({ length: n - 1 }, () => new ExactDecimal(1).minus(d).toString())], lambda: new ExactDecimal(lambdaDelta).div(d).toSignificantDigits(12).toString() };
  });

function agreeOn(claim: ClaimDefinition<unknown>, raw: Record<string, unknown>, digits = 20): 'double-double' | 'decimal' {
  const fast = decide(claim, raw, { digits });
  const slow = decide(decimalOnly(claim), raw, { digits });
  expect({ verdict: fast.verdict, lhs: fast.lhs, bound: fast.bound, ratio: fast.ratio, reason: fast.reason }, JSON.stringify(raw)).toEqual({
    verdict: slow.verdict,
    lhs: slow.lhs,
    bound: slow.bound,
    ratio: slow.ratio,
    reason: slow.reason,
  });
  return fast.arithmetic ?? 'decimal';
}

describe('the fast path and the decimal path agree', () => {
  const counts = { 'double-double': 0, decimal: 0 };
  const tally = (path: 'double-double' | 'decimal'): void => void (counts[path] += 1);

  it('on random probes of linf, l1, temperature and monotone', () => {
    fc.assert(fc.property(scores, positive(50), (z, lambda) => tally(agreeOn(linf as ClaimDefinition<unknown>, { z, lambda }))), { numRuns: runs(100) });
    fc.assert(fc.property(scores, positive(50), (z, lambda) => tally(agreeOn(l1 as ClaimDefinition<unknown>, { z, lambda }))), { numRuns: runs(60) });
    const epsilon = fc.integer({ min: 1, max: 99_999 }).map((m) => new ExactDecimal(m).div(100_000).toString());
    fc.assert(fc.property(scores, epsilon, (z, e) => tally(agreeOn(temperature as ClaimDefinition<unknown>, { z, epsilon: e }))), { numRuns: runs(60) });
    fc.assert(
      fc.property(scores, positive(20), positive(20), (z, a, b) => {
        const [lambda1, lambda2] = new ExactDecimal(a).lte(b) ? [a, b] : [b, a];
        tally(agreeOn(monotone as ClaimDefinition<unknown>, { z, lambda1, lambda2 }));
      }),
      { numRuns: runs(60) },
    );
    expect(counts['double-double']).toBeGreaterThan(0.9 * (counts['double-double'] + counts.decimal)); // the fast path decides almost all of them
  });

  it('on random and tight probes of attention', () => {
    const value = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((m) => new ExactDecimal(m).div(1e6).toString());
    const probe = fc.tuple(scores, positive(50), fc.integer({ min: 1, max: 3 }), fc.boolean()).chain(([z, lambda, m, tight]) =>
      tight
        ? fc.tuple(fc.array(value, { minLength: m, maxLength: m }), value).map(([vStar, spread]) => {
            // v_j = v* + M·e₀ for j ≠ i*: the tight choice
            const iStar = z.reduce((best, x, j) => (new ExactDecimal(x).gt(z[best]!) ? j : best), 0);
            const row = (j: number): string[] => vStar.map((x, c) => (j !== iStar && c === 0 ? new ExactDecimal(x).plus(spread).toString() : x));
            return { z, lambda, v: z.map((_, j) => row(j)) };
          })
        : fc.array(fc.array(value, { minLength: m, maxLength: m }), { minLength: z.length, maxLength: z.length }).map((v) => ({ z, lambda, v })),
    );
    let fastCount = 0;
    fc.assert(fc.property(probe, (raw) => void (fastCount += agreeOn(attention as ClaimDefinition<unknown>, raw) === 'double-double' ? 1 : 0)), { numRuns: runs(60) });
    expect(fastCount).toBeGreaterThan(runs(60) / 2);
  });

  it('on near-tight probes (the tight family up to λΔ = 330) and at other digit counts', () => {
    fc.assert(fc.property(tightFamily, (raw) => void agreeOn(linf as ClaimDefinition<unknown>, raw)), { numRuns: runs(60) });
    fc.assert(fc.property(tightFamily, fc.integer({ min: 1, max: 26 }), (raw, digits) => void agreeOn(l1 as ClaimDefinition<unknown>, raw, digits)), { numRuns: runs(40) });
  });

  it('on the campaign\'s wide inputs: 30-digit near ties, λΔ up to 10⁵, tiny ε, steps down to 10⁻³⁰, scores spread over 10 decades', () => {
    const digits30 = fc.bigInt({ min: -(10n ** 29n), max: 10n ** 29n }).map((m) => new ExactDecimal(m.toString()).div('1e26'));
    const nearTie = fc.tuple(digits30, fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 1, max: 10 ** 9 }), { maxLength: 5 }), fc.integer({ min: 1, max: 2000 })).map(([top, k, gaps, c]) => ({
      z: [top, top.minus(new ExactDecimal(k).mul('1e-25')), ...gaps.map((g) => top.minus(new ExactDecimal(g).mul('1e-8')))].map((x) => x.toString()),
      lambda: new ExactDecimal(c).mul('1e23').toString(),
    }));
    const hugeTight = fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 2, max: 3 })).map(([n, m, e]) => ({
      z: ['0.5', ...Array.from({ length: n - 1 }, () => '0.25')],
      lambda: new ExactDecimal(m).mul(new ExactDecimal(10).pow(e)).mul(4).toString(), // λΔ = m·10^e
    }));
    const spread = fc.array(fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: -8, max: 1 })), { minLength: 2, maxLength: 8 }).map((xs) => xs.map(([m, k]) => new ExactDecimal(m).mul(new ExactDecimal(10).pow(k)).toString()));
    const tinyEpsilon = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: -40, max: -3 })).map(([m, k]) => new ExactDecimal(m).mul(new ExactDecimal(10).pow(k)).toString());
    const step = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -30, max: 1 })).map(([m, k]) => new ExactDecimal(m).mul(new ExactDecimal(10).pow(k)));
    let fastCount = 0;
    let total = 0;
    const check = (c: unknown, raw: Record<string, unknown>): void => {
      total += 1;
      if (agreeOn(c as ClaimDefinition<unknown>, raw) === 'double-double') fastCount += 1;
    };
    fc.assert(fc.property(nearTie, (raw) => check(linf, raw)), { numRuns: runs(12) });
    fc.assert(fc.property(hugeTight, (raw) => check(l1, raw)), { numRuns: runs(10) });
    fc.assert(fc.property(spread, fc.integer({ min: 1, max: 10_000 }), (z, l) => check(linf, { z, lambda: new ExactDecimal(l).div(100).toString() })), { numRuns: runs(10) });
    fc.assert(fc.property(nearTie, tinyEpsilon, ({ z }, epsilon) => check(temperature, { z, epsilon })), { numRuns: runs(10) });
    fc.assert(fc.property(spread, tinyEpsilon, (z, epsilon) => check(temperature, { z, epsilon })), { numRuns: runs(8) });
    fc.assert(
      fc.property(fc.oneof(spread, nearTie.map(({ z }) => z)), fc.integer({ min: 1, max: 999_999 }), step, (z, a, d) => {
        const lambda1 = new ExactDecimal(a).div(1000);
        check(monotone, { z, lambda1: lambda1.toString(), lambda2: lambda1.plus(d).toString() });
      }),
      { numRuns: runs(12) },
    );
    expect(fastCount).toBeGreaterThanOrEqual(total - 3); // these are exactly the forms the fast path now covers
  });

  it('on probes it must leave to the decimal path: ties, failed hypotheses, bad or unusual arguments', () => {
    const probes: Array<[ClaimDefinition<unknown>, Record<string, unknown>]> = [
      [linf as ClaimDefinition<unknown>, { z: ['1', '1', '0'], lambda: '2' }],
      [linf as ClaimDefinition<unknown>, { z: ['1'], lambda: '2' }],
      [linf as ClaimDefinition<unknown>, { z: ['1', '0'], lambda: '0' }],
      [linf as ClaimDefinition<unknown>, { z: ['1', '0'], lambda: '-1' }],
      [linf as ClaimDefinition<unknown>, { z: ['1', 'x'], lambda: '1' }],
      [linf as ClaimDefinition<unknown>, { z: ['1', '0'] }],
      [linf as ClaimDefinition<unknown>, { z: ['1', '0.1000000000000000000000001'], lambda: '3' }],
      [linf as ClaimDefinition<unknown>, { z: [' 1', '0'], lambda: '3' }],
      [linf as ClaimDefinition<unknown>, { z: ['1e-400', '0'], lambda: '3' }],
      [linf as ClaimDefinition<unknown>, { z: ['0', '-10'], lambda: '1000' }],
      [temperature as ClaimDefinition<unknown>, { z: ['1', '0'], epsilon: '1' }],
      [temperature as ClaimDefinition<unknown>, { z: ['1', '1'], epsilon: '0.5' }],
      [monotone as ClaimDefinition<unknown>, { z: ['1', '1'], lambda1: '1', lambda2: '2' }],
      [monotone as ClaimDefinition<unknown>, { z: ['1', '0'], lambda1: '2', lambda2: '1' }],
      [monotone as ClaimDefinition<unknown>, { z: ['1', '0'], lambda1: '2', lambda2: '2' }],
      [attention as ClaimDefinition<unknown>, { z: ['1', '0'], lambda: '2', v: [['1'], ['0']] }],
    ];
    for (const [claim, raw] of probes) agreeOn(claim, raw);
  });
});
