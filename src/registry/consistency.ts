/**
 * The consistency check between `proof/` and `properties/`, read statically (ts-morph), so that it
 * runs before any campaign and cannot be fooled by the order in which test files finish:
 *
 * - every lemma has a property file `properties/<id>.property.ts`;
 * - every property file belongs to a lemma, and every `runCampaign` call in it names a known lemma
 *   and, for a claim or a finding, a known claim or finding of that lemma;
 * - every claim and every finding has a probe: a `runCampaign` call naming it;
 * - every `uses` edge points to a registered lemma, and lemma ids are unique;
 * - the registry itself read cleanly (ids, uses and drops are literals).
 *
 * A campaign call names its claim by a string literal (`claim: 'linf'`), by the claim's constant
 * (`claim: linf.id`, or `definition: linf` with `claim` left to match), and its lemma by a literal
 * or the lemma constant's `.id`; when the lemma is not written, the file's own lemma is assumed. See
 * {@link readProbeCalls} for the wrapper forms read. The run completes the check dynamically: the
 * report lists, as problems, every claim of a lemma whose property file ran that got no outcome, and
 * every outcome naming a claim the registry does not hold (`src/report/model.ts`).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type CallExpression, type Expression, Node, type ObjectLiteralExpression, Project } from 'ts-morph';
import { property, stringLiteral, type StaticLemma, type StaticRegistry } from './static.ts';

export interface ConsistencyProblem {
  readonly where: string;
  readonly message: string;
}

/** One `runCampaign` call as read from a property file. */
export interface ProbeCall {
  readonly file: string;
  readonly line: number;
  readonly lemma: string | undefined;
  readonly claim: string | undefined;
  readonly kind: string | undefined;
}

/** Resolves `X.id` (X a lemma, claim or finding constant of the registry) or a literal to an id. */
function resolveId(e: Expression | undefined, byName: ReadonlyMap<string, string>): string | undefined {
  const lit = stringLiteral(e);
  if (lit !== undefined) return lit;
  if (e !== undefined && Node.isPropertyAccessExpression(e) && e.getName() === 'id') return byName.get(e.getExpression().getText());
  if (e !== undefined && Node.isIdentifier(e)) return byName.get(e.getText());
  return undefined;
}

const KINDS = new Set(['claim', 'finding', 'planted']);

/**
 * Every campaign call in the property files whose kind is written literally: `runCampaign({...})` or
 * a wrapper taking the same object (`run({ claim: 'modulus', kind: 'claim', ... })`), or a wrapper
 * taking `(claim, kind, ...)` positionally (`campaign('linf', 'claim', linf, ...)`). A call whose claim
 * is not written (`runCampaign({ lemma, claim, kind, ... })` inside a wrapper) is left to the wrapper's
 * callers; the run itself then shows whether every claim got an outcome (see the report's problems).
 */
export function readProbeCalls(root: string, registry: StaticRegistry, files: readonly string[]): ProbeCall[] {
  const lemmaByName = new Map(registry.lemmas.map((l) => [l.name, l.id]));
  const claimByName = new Map(registry.lemmas.flatMap((l) => [...l.claims, ...l.findings].map((c) => [c.name, c.id] as const)));
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  const calls: ProbeCall[] = [];
  for (const f of files) {
    const source = project.addSourceFileAtPath(path.resolve(root, f));
    const rel = path.relative(root, source.getFilePath()).split(path.sep).join('/');
    const fileLemma = path.basename(rel).replace(/\.property\.ts$/, '');
    source.forEachDescendant((node) => {
      if (!Node.isCallExpression(node)) return;
      const call: CallExpression = node;
      const args = call.getArguments() as Expression[];
      const line = call.getStartLineNumber();
      const spec = args.find((a): a is ObjectLiteralExpression => Node.isObjectLiteralExpression(a) && KINDS.has(stringLiteral(property(a, 'kind')) ?? ''));
      if (spec !== undefined) {
        const kind = stringLiteral(property(spec, 'kind'));
        const lemmaNode = property(spec, 'lemma');
        const lemma = lemmaNode === undefined ? fileLemma : (resolveId(lemmaNode, lemmaByName) ?? (Node.isIdentifier(lemmaNode) || Node.isShorthandPropertyAssignment(lemmaNode) ? fileLemma : undefined));
        const claim = resolveId(property(spec, 'claim'), claimByName) ?? (kind !== 'planted' ? resolveId(property(spec, 'definition'), claimByName) : undefined);
        calls.push({ file: rel, line, lemma, claim, kind });
        return;
      }
      const kind = stringLiteral(args[1]);
      if (kind !== undefined && KINDS.has(kind)) {
        calls.push({ file: rel, line, lemma: fileLemma, claim: resolveId(args[0], claimByName), kind });
      }
    });
  }
  return calls;
}

/** Property files under `properties/` (relative paths, sorted). */
export function propertyFiles(root: string): string[] {
  const dir = path.join(root, 'properties');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.property.ts'))
    .sort()
    .map((f) => `properties/${f}`);
}

/** Every inconsistency between the registry and the property files (empty when consistent). */
export function checkConsistency(root: string, registry: StaticRegistry, files: readonly string[] = propertyFiles(root)): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = registry.problems.map((p) => ({ where: p.file, message: p.message }));
  const byId = new Map<string, StaticLemma>();
  for (const l of registry.lemmas) {
    if (byId.has(l.id)) problems.push({ where: l.file, message: `lemma id ${l.id} is also declared in ${byId.get(l.id)!.file}` });
    byId.set(l.id, l);
  }
  for (const l of registry.lemmas) {
    for (const u of l.uses) if (!byId.has(u)) problems.push({ where: l.file, message: `lemma ${l.id} uses ${u}, which no proof/*.ts declares` });
    if (!files.includes(`properties/${l.id}.property.ts`)) problems.push({ where: l.file, message: `lemma ${l.id} has no property file properties/${l.id}.property.ts` });
  }
  for (const f of files) {
    const id = path.basename(f).replace(/\.property\.ts$/, '');
    if (!byId.has(id)) problems.push({ where: f, message: `property file names lemma ${id}, which no proof/*.ts declares` });
  }

  const probed = new Set<string>();
  for (const c of readProbeCalls(root, registry, files)) {
    const where = `${c.file}:${c.line}`;
    if (c.lemma === undefined) continue; // written as an expression: the run's outcomes tell
    const lemma = byId.get(c.lemma);
    if (lemma === undefined) {
      problems.push({ where, message: `a campaign names lemma ${c.lemma}, which no proof/*.ts declares` });
      continue;
    }
    if (c.kind === 'planted') continue; // planted bounds have free names
    if (c.claim === undefined) continue; // written as an expression: the run's outcomes tell
    const list = c.kind === 'finding' ? lemma.findings : c.kind === 'claim' ? lemma.claims : [...lemma.claims, ...lemma.findings];
    if (!list.some((x) => x.id === c.claim)) {
      problems.push({ where, message: `a campaign names ${c.kind ?? 'claim'} ${c.claim}, which lemma ${lemma.id} does not declare` });
      continue;
    }
    probed.add(`${lemma.id}/${c.claim}`);
  }
  for (const l of registry.lemmas) {
    for (const c of l.claims) if (!probed.has(`${l.id}/${c.id}`)) problems.push({ where: `properties/${l.id}.property.ts`, message: `claim ${l.id}/${c.id} has no probe (no campaign names it)` });
    for (const f of l.findings) if (!probed.has(`${l.id}/${f.id}`)) problems.push({ where: `properties/${l.id}.property.ts`, message: `finding ${l.id}/${f.id} has no probe (no campaign names it)` });
  }
  return problems;
}
