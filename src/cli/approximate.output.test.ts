/**
 * `uat approximate`'s report, in process, on targets whose figures are worked out by hand: `x1` at
 * ε = 1/2 (one affine unit; λ = ln 8 rounded up to 0.01 = 2.08; routing e^{−2.08} = 0.124930…, printed rounded
 * up to 0.124931; worst sampled error 1/(e^{2.08} + 1) = 0.111056 at X = (1, 0); 63 parameters, 15
 * non-zero), `x1²` (one ridge of 2 cells, C2 bound 1/16 plus the enclosures' rounding, printed rounded up
 * to 0.0625001) and a declared modulus that is false.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from './approximate.ts';
import { runApproximate } from './approximate.test-support.ts';

const run = runApproximate;

const X1 = ['--target', 'x1', '--tokens', '2', '--lipschitz', '1', '--epsilon', '0.5', '--samples', '3'];

describe('uat approximate: the report', () => {
  it('x1 at ε = 1/2, box-wise: every line of the text report', async () => {
    const { stdout, status } = await run([...X1, '--max-boxes', '21']);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'target      F(X)_i = x1   (n = 2, ε = 0.5)',
      'ledger',
      '  FFN approximation   ε₁ = 0   (budget 0.25: ridge interpolation + roundings)',
      '  FFN Lipschitz       L_G = 1   (from the weights, slots only)',
      '  temperature         λ = 2.08   (chosen after the FFN: ln(L_G(n−1)·diam/ε₂), ε₂ = 0.125)',
      '  routing             L_G(n−1)e^{−λ}·diam = 0.124931',
      '  total               0.124931 ≤ ε = 0.5',
      'resources',
    ]);
    expect(lines[8]).toMatch(/^ {2}heads 2, model dimension 5, FFN width 1, parameters 63 \(15 non-zero\), construction \d+ ms$/);
    expect(lines.slice(9)).toEqual([
      'certification',
      '  samples: 12 inputs (random, corners, ties, cell faces and midpoints), worst error 0.111056 at X = (1, 0), token 1; 0 above ε, 0 undecided',
      '  box-wise: sup over [0,1]^2 of max_i |T(X)_i − F(X)_i| ≤ 0.333292 ≤ ε = 0.5, proved by interval evaluation on 21 boxes (smallest side 0.25)',
      '  declared modulus: no violation on 100 random pairs',
      '  certified error 0.333292 (box-wise bound over [0,1]^n)',
      '',
    ]);
  });

  it('x1 without a box budget: certified on the samples only; --json carries the same figures', async () => {
    const text = await run([...X1, '--max-boxes', '0']);
    expect(text.stdout).toContain('\n  box-wise: skipped\n');
    expect(text.stdout).toContain('\n  certified error 0.111056 (worst over the checked inputs; the ledger bound holds by construction)\n');
    const { stdout, status } = await run([...X1, '--max-boxes', '0', '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      target: 'x1',
      tokens: 2,
      epsilon: '0.5',
      ledger: {
        ffnBudget: '0.25',
        routingBudget: '0.125',
        ffnError: '0',
        lipschitzG: '1',
        lambda: '2.08',
        routingError: '0.124931',
        total: '0.124931',
        positions: [
          { position: 1, ffnError: '0', lipschitz: '1', routingError: '0.124931', total: '0.124931' },
          { position: 2, ffnError: '0', lipschitz: '1', routingError: '0.124931', total: '0.124931' },
        ],
      },
      ridges: [],
      resources: { heads: 2, width: 1, model: 5, parameters: 63, nonZeroParameters: 15, lambda: '2.08' },
      certification: 'samples',
      certifiedError: '0.111056',
      samples: { count: 12, worstError: '0.111056', worstAt: { X: ['1', '0'], token: 1 }, violations: 0, undecided: 0 },
      boxes: null,
      modulus: { pairs: 100 },
    });
    expect(typeof json.certifyMs).toBe('number');
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('a ridge line per interpolated profile, with its gate: x1² for all positions, i·x1² per position', async () => {
    const shared = await run(['--target', 'x1^2', '--tokens', '2', '--lipschitz', '2', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0']);
    expect(shared.stdout).toContain('\n  ridge (1, 0) all positions: g(t) = (((1*t + 0) ^ 2)), 2 cells, error ≤ 0.0625001 (C2)\n');
    const gated = await run(['--target', 'i*x1^2', '--tokens', '2', '--lipschitz', '4', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0', '--json']);
    const ridges = (JSON.parse(gated.stdout) as { ridges: Array<{ direction: string[]; gate: unknown; cells: number; bound: string }> }).ridges;
    expect(ridges.map((r) => [r.direction, r.gate, r.cells, r.bound])).toEqual([
      [['1', '0'], 1, 2, 'C2'],
      [['1', '0'], 2, 2, 'C2'],
    ]);
  });

  it('a false declared Lipschitz constant: REFUTED with the pair, exit 1', async () => {
    const { stdout, status } = await run(['--target', 'x1', '--tokens', '2', '--lipschitz', '0', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/\n {2}declared modulus: REFUTED at X = \([\d.]+, [\d.]+\), Y = \([\d.]+, [\d.]+\), token 1\n/);
    const json = await run(['--target', 'x1', '--tokens', '2', '--lipschitz', '0', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0', '--json']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { modulus: { pairs: number; refuted: { token: number } } }).modulus).toMatchObject({ pairs: 1, refuted: { token: 1 } });
  });

  it('a library target: its id, its proved modulus in the export claim', async () => {
    let written = '';
    const program = new Command('uat').exitOverride();
    register(program, { stdout: () => undefined, writeFile: (_, t) => (written = t), setExitCode: () => undefined });
    await program.parseAsync(['approximate', '--library', '{"family":"sqrt-abs","c":"2"}', '--tokens', '2', '--epsilon', '0.5', '--samples', '0', '--max-boxes', '0', '--export', 'w.json'], { from: 'user' });
    const claim = (JSON.parse(written) as { claim: unknown }).claim;
    expect(claim).toEqual({ target: '{"family":"sqrt-abs","c":"2"}', lipschitz: 'holder C=1 alpha=0.5', epsilon: '0.5' });
    expect(written.endsWith('}\n')).toBe(true);
  });
});
