/**
 * Mutants of the `uat check` readers and of the program that a cheap exact test kills: JSON the exact
 * reader must refuse as `JSON.parse` does (a lowercase non-hex `\u` escape inside an array, an empty
 * string where a comma belongs), 1,500 sibling non-empty objects (the depth counter returns to 0),
 * the exit status of an inconclusive line, `uat --help`, and `uat report`'s line on merged parts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { exitStatusOf, noVerdicts } from './check-lines.ts';
import { parseJsonLineExact } from './json-exact.ts';
import { oneLine, runProgram } from './program.ts';
import { register } from './report.ts';

vi.mock('../report/generate.ts', () => ({
  generateReport: () => Promise.resolve({ totals: { claims: { certified: 0, 'holds on samples': 0, inconclusive: 0, refuted: 0, 'not run': 0 } } }),
}));

/** The message of JSON.parse's SyntaxError on `text` (what the exact reader must throw). */
function jsonParseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`JSON.parse accepted ${text}`);
}

describe('the exact JSON reader refuses what JSON.parse refuses, with its message', () => {
  it.each(['["\\u00g0"]', '["\\u00z0"]', '["\\u00~0"]', '{"a":1""b":2}', '{"a":1""b":2, "c": 3}'])('%s', (text) => {
    expect(() => parseJsonLineExact(text)).toThrow(new SyntaxError(jsonParseError(text)));
  });

  it('reads 1,500 sibling non-empty objects and arrays (the depth returns to 0 after each)', () => {
    const objects = `[${Array.from({ length: 1500 }, () => '{"a":[1]}').join(',')}]`;
    const value = parseJsonLineExact(objects) as unknown[];
    expect(value).toHaveLength(1500);
    expect(JSON.stringify(value[1499], (_k, v: unknown) => (typeof v === 'object' && v !== null && 'text' in v ? (v as { text: string }).text : v))).toBe('{"a":["1"]}');
  });
});

describe('exit status', () => {
  it('1 for an inconclusive line among lines that hold', () => {
    expect(exitStatusOf({ ...noVerdicts(), holds: 3, inconclusive: 1 })).toBe(1);
    expect(exitStatusOf({ ...noVerdicts(), holds: 3, inapplicable: 2 })).toBe(0);
  });
});

describe('uat --help', () => {
  it('names the program uat (not after the script that runs it) and says what it is', async () => {
    let out = '';
    expect(await runProgram(['node', '/usr/lib/uat-companion/src/cli/bin.mjs', '--help'], { writeOut: (t) => (out += t), writeErr: () => undefined })).toBe(0);
    expect(out.startsWith('Usage: uat [options] [command]\n\n')).toBe(true);
    expect(oneLine(out)).toContain('executable companion to arXiv:2507.10581: every lemma of the single-layer Transformer UAT checked with certified verdicts');
  });
});

describe('uat report on a run directory with split campaigns', () => {
  /** A part file of campaign `lemma/claim-<claim>`, part 0 of 1, holding 5 probes. */
  function writePart(runDir: string, claim: string): void {
    const dir = path.join(runDir, '.parts', 'lemma', `claim-${claim}`);
    mkdirSync(dir, { recursive: true });
    const counts = { holds: 5, violated: 0, inconclusive: 0, inapplicable: 0, error: 0 };
    const part = { index: 0, count: 1, seed: 1, outOfTime: false, shrinkCut: false };
    writeFileSync(path.join(dir, '0-of-1.json'), JSON.stringify({ lemma: 'lemma', claim, kind: 'claim', domain: 'd', status: 'holds on samples', probes: 5, counts, seed: 1, runs: 5, timeMs: 1, decidedBy: { 'double-double': 0, decimal: 5 }, part }));
  }
  async function report(from: string): Promise<string> {
    const program = new Command().exitOverride();
    register(program);
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    try {
      await program.parseAsync(['report', '--from', from, '--out', path.join(from, 'out')], { from: 'user' });
    } finally {
      write.mockRestore();
    }
    return stdout.split('\n')[0]!;
  }

  it('says how many split campaigns it merged, in the singular for one', async () => {
    const one = mkdtempSync(path.join(tmpdir(), 'uat-report-merge-'));
    writePart(one, 'a');
    expect(await report(one)).toBe(`merged the parts of 1 split campaign found in ${one}`);
    const two = mkdtempSync(path.join(tmpdir(), 'uat-report-merge-'));
    writePart(two, 'a');
    writePart(two, 'b');
    expect(await report(two)).toBe(`merged the parts of 2 split campaigns found in ${two}`);
  });
});
