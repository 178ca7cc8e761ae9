/**
 * The limits inventory, fast and in-process (`limits.bad-input.test.ts` probes each cap through
 * `uat check` and the CLI): every row names a constant its source file exports and enforces, the
 * table has one row per limit with numbers grouped by thousands, and the README holds that table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './verify/settings.ts';
import { LIMITS, limitsTable } from './limits.ts';

describe('limits inventory', () => {
  it('names, for each cap, a constant exported by its source file', () => {
    for (const l of LIMITS) {
      const constant = l.name.replace(/ \(.*\)$/, '');
      const source = readFileSync(path.join(REPO_ROOT, l.source), 'utf8');
      expect(source, `${l.name} in ${l.source}`).toMatch(new RegExp(`export const ${constant}\\b`));
      expect(l.bounds.length, l.name).toBeGreaterThan(10);
      expect(l.beyond.length, l.name).toBeGreaterThan(8);
    }
    expect(new Set(LIMITS.map((l) => l.name)).size).toBe(LIMITS.length);
  });

  it('has one table row per limit: name, value grouped by thousands, what it bounds, what is beyond, where', () => {
    const rows = limitsTable().split('\n');
    expect(rows.slice(0, 2)).toEqual(['| limit | value | bounds | beyond it | where |', '|---|---|---|---|---|']);
    expect(rows).toHaveLength(LIMITS.length + 2);
    expect(rows[2]).toBe('| `MAX_LINE_BYTES` | 1,048,576 | bytes in one `uat check` input line | `error` "line too long", never parsed; the next line is answered | `src/cli/check-lines.ts` |');
    expect(rows).toContain('| `MAX_TOKENS` | 8 | tokens n of the theorem (`tokens`, `uat approximate --tokens`) | `error` naming `tokens`; exit 2 for the option | `src/transformer/theorem-target.ts` |');
    expect(rows).toContain('| `MIN_EPSILON` | 0.001 | smallest ε of the theorem (widths grow like ε^−1/2 per ridge) | `inapplicable`, hypothesis `accuracy` | `src/transformer/cache.ts` |');
    expect(rows.slice(2).map((r) => r.split(' | ')[0])).toEqual(LIMITS.map((l) => `| \`${l.name}\``));
    expect(rows).toContain('| `MAX_CELLS_PER_AXIS` | 1,000,000,000,000 | cells N per axis of a piecewise-constant grid | `error` naming `N` | `src/piecewise/probe.ts` |');
  });

  it('is the table of the README section bad-input', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = /<!-- section: bad-input -->([\s\S]*?)<!-- \/section: bad-input -->/.exec(readme)?.[1] ?? '';
    expect(section).toContain(limitsTable());
  });
});
