/**
 * The JSON Schema (draft 2020-12) of `report.json`, written to `reports/report.schema.json` with
 * every report. It documents each field; `src/report/report.test.ts` validates a generated report
 * against it.
 */
import { REPORT_FORMAT, REPORT_SCHEMA_ID } from './model.ts';

const VERDICTS = ['holds', 'violated', 'inconclusive', 'inapplicable', 'error'];
const CLAIM_STATUSES = ['certified', 'holds on samples', 'inconclusive', 'refuted', 'not run'];
const FINDING_STATUSES = ['shown necessary', 'not shown', 'not run'];
const PLANTED_STATUSES = ['refuted', 'not refuted'];

const countsBy = (keys: readonly string[], description: string): object => ({
  type: 'object',
  description,
  required: keys,
  additionalProperties: false,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer', minimum: 0 }])),
});

const nullableString = { type: ['string', 'null'] };

const reason = {
  type: 'string',
  minLength: 1,
  description:
    "Why the campaign stopped early or proved nothing (the outcome's reason), e.g. `time limit of 500 ms reached after 37 of 200 probes`. Absent when the outcome has none.",
};

export const REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: REPORT_SCHEMA_ID,
  title: 'uat-companion lemma-by-lemma report',
  description:
    'The report of one verification run: every lemma and the theorem as read from proof/*.ts (statement, hypotheses, uses), joined with the campaign outcomes of the run. Deterministic: no timestamps and no timings (those are in timings.json).',
  type: 'object',
  required: ['$schema', 'format', 'seeds', 'totals', 'lemmas', 'problems'],
  additionalProperties: false,
  properties: {
    $schema: { const: REPORT_SCHEMA_ID },
    format: { const: REPORT_FORMAT, description: 'Format name and major version.' },
    seeds: { type: 'array', items: { type: 'integer' }, description: 'The fast-check seeds found in the outcomes.' },
    totals: {
      type: 'object',
      required: ['claims', 'findings', 'planted', 'probes'],
      additionalProperties: false,
      properties: {
        claims: countsBy(CLAIM_STATUSES, 'Number of claims by status.'),
        findings: countsBy(FINDING_STATUSES, 'Number of findings by status.'),
        planted: countsBy(PLANTED_STATUSES, 'Number of planted false bounds by status.'),
        probes: { type: 'integer', minimum: 0, description: 'Probes decided in the whole run.' },
      },
    },
    lemmas: { type: 'array', items: { $ref: '#/$defs/lemma' }, description: 'In dependency order, the theorem last.' },
    problems: {
      type: 'array',
      description: 'Registry problems, unreadable outcome files, and outcomes naming no registered claim.',
      items: { type: 'object', required: ['where', 'message'], additionalProperties: false, properties: { where: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  $defs: {
    hypothesis: {
      type: 'object',
      required: ['name', 'text'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, text: { type: 'string', description: 'TeX between $…$.' } },
    },
    args: { type: 'object', description: 'Raw probe arguments (decimal strings), as `uat check` receives them.' },
    verdict: {
      type: 'object',
      required: ['verdict'],
      properties: {
        verdict: { enum: VERDICTS },
        lhs: { type: 'string' },
        bound: { type: 'string' },
        reason: { type: 'string' },
        hypothesis: { type: 'string' },
        precision: { type: 'integer' },
        ratio: { type: 'string' },
      },
    },
    evidence: {
      type: ['object', 'null'],
      description: 'What the campaign found; null when the claim has no outcome in this run.',
      required: ['domain', 'probes', 'runs', 'seed', 'counts', 'worst', 'counterexample', 'firstUndecided', 'boxProof'],
      additionalProperties: false,
      properties: {
        domain: { type: 'string', description: 'The domain probed.' },
        probes: { type: 'integer', minimum: 0 },
        runs: { type: 'integer', minimum: 0, description: 'Random probes asked for (UAT_RUNS or the campaign default).' },
        seed: { type: 'integer' },
        counts: countsBy(VERDICTS, 'Probes by verdict.'),
        worst: {
          type: ['object', 'null'],
          description: 'The probe with the largest ratio lhs/bound among those with the wanted verdict.',
          required: ['ratio', 'lhs', 'bound', 'args'],
          properties: { ratio: { type: 'string' }, lhs: { type: 'string' }, bound: { type: 'string' }, args: { $ref: '#/$defs/args' } },
        },
        counterexample: {
          type: ['object', 'null'],
          description: 'The minimal (shrunk) certified violation, when one was found.',
          required: ['args', 'verdict', 'seed', 'path', 'shrinks', 'replay'],
          additionalProperties: false,
          properties: {
            args: { $ref: '#/$defs/args' },
            verdict: { $ref: '#/$defs/verdict' },
            seed: { type: 'integer' },
            path: nullableString,
            shrinks: { type: 'integer', minimum: 0 },
            replay: { type: 'string', description: 'One JSON line for `uat check`: {"claim":"<lemma>/<claim>","args":{…}}. For a planted bound it names the planted id, which `uat check` does not know; its args replay against the original claim.' },
          },
        },
        firstUndecided: {
          type: ['object', 'null'],
          required: ['args', 'verdict'],
          properties: { args: { $ref: '#/$defs/args' }, verdict: { $ref: '#/$defs/verdict' } },
        },
        boxProof: {
          type: ['object', 'null'],
          required: ['certified', 'description'],
          properties: { certified: { type: 'boolean' }, description: { type: 'string' } },
        },
      },
    },
    claimFields: {
      type: 'object',
      required: ['id', 'statement', 'lhs', 'bound', 'args', 'method', 'hypotheses', 'status', 'evidence'],
      properties: {
        id: { type: 'string' },
        statement: { type: 'string', description: 'The doc comment summary, TeX between $…$.' },
        lhs: nullableString,
        bound: nullableString,
        args: nullableString,
        method: nullableString,
        hypotheses: { type: 'array', items: { $ref: '#/$defs/hypothesis' }, description: 'Claim-level hypotheses.' },
        reason,
        evidence: { $ref: '#/$defs/evidence' },
      },
    },
    claim: {
      allOf: [{ $ref: '#/$defs/claimFields' }],
      properties: { status: { enum: CLAIM_STATUSES } },
    },
    finding: {
      allOf: [{ $ref: '#/$defs/claimFields' }],
      required: ['drops'],
      properties: { drops: { type: 'string', description: 'The hypothesis shown necessary.' }, status: { enum: FINDING_STATUSES } },
    },
    planted: {
      type: 'object',
      required: ['id', 'status', 'evidence'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, status: { enum: PLANTED_STATUSES }, reason, evidence: { $ref: '#/$defs/evidence' } },
    },
    lemma: {
      type: 'object',
      required: ['kind', 'id', 'file', 'statement', 'hypotheses', 'method', 'reference', 'uses', 'usedBy', 'status', 'claims', 'findings', 'planted'],
      additionalProperties: false,
      properties: {
        kind: { enum: ['lemma', 'theorem'] },
        id: { type: 'string' },
        file: { type: 'string', description: 'The proof file, relative to the repository root.' },
        statement: { type: 'string' },
        hypotheses: { type: 'array', items: { $ref: '#/$defs/hypothesis' } },
        method: nullableString,
        reference: nullableString,
        uses: { type: 'array', items: { type: 'string' } },
        usedBy: { type: 'array', items: { type: 'string' } },
        status: { enum: CLAIM_STATUSES, description: 'The most severe status among its claims.' },
        claims: { type: 'array', items: { $ref: '#/$defs/claim' } },
        findings: { type: 'array', items: { $ref: '#/$defs/finding' } },
        planted: { type: 'array', items: { $ref: '#/$defs/planted' } },
      },
    },
  },
} as const;

export function reportSchemaText(): string {
  return `${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`;
}
