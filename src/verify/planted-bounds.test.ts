/**
 * Every claim has a planted false bound that its property file expects to be refuted: the evidence
 * that the suite can fail. The inventory is the run-time registry (every lemma in `proof/`), so a new
 * claim without a planted bound fails this test.
 *
 * Method: each property file `properties/<lemma>.property.ts` is read with ts-morph. Inside every
 * test (`it(…)`) whose body expects `'shown necessary'`, a planted bound of claim `C` is either a
 * call `withPlantedBound(C, …)` or a campaign `{ kind: 'planted', definition: C, … }` (the claim
 * itself probed with arguments that make it false, e.g. a falsely declared modulus). `C` is resolved
 * through the file's imports to the exported object and matched to the registry's claims by
 * identity, so aliases and re-exports cannot fool the inventory. Whether each planted campaign is
 * actually refuted is asserted by the property file itself (it fails otherwise) and recorded in the
 * report's planted totals.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Node, Project, type CallExpression, type SourceFile } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDefinition } from '../registry/define.ts';
import { loadRuntimeRegistry, type RuntimeRegistry } from '../registry/runtime.ts';
import { REPO_ROOT } from './settings.ts';

/** Where a planted bound was found. */
interface PlantedSite {
  readonly file: string;
  readonly line: number;
  readonly test: string;
}

let registry: RuntimeRegistry;
/** Claim object → the planted bounds of it that some test expects refuted. */
const planted = new Map<ClaimDefinition<unknown>, PlantedSite[]>();

/** The object an identifier of `source` is imported as (`import { a as b } from '../proof/x.ts'`), if any. */
async function importedValue(source: SourceFile, identifier: string): Promise<unknown> {
  for (const decl of source.getImportDeclarations()) {
    for (const spec of decl.getNamedImports()) {
      const local = spec.getAliasNode()?.getText() ?? spec.getName();
      if (local !== identifier) continue;
      const target = path.resolve(path.dirname(source.getFilePath()), decl.getModuleSpecifierValue());
      const module = (await import(pathToFileURL(target).href)) as Record<string, unknown>;
      return module[spec.getName()];
    }
  }
  return undefined;
}

/** The `it(name, body)` call enclosing `node`, if any. */
function enclosingTest(node: Node): CallExpression | undefined {
  for (let n = node.getParent(); n !== undefined; n = n.getParent()) {
    if (Node.isCallExpression(n) && /^(it|test)(\.\w+)?$/.test(n.getExpression().getText())) return n;
  }
  return undefined;
}

async function inventory(file: string, project: Project): Promise<void> {
  const source = project.addSourceFileAtPath(file);
  const rel = path.relative(REPO_ROOT, file);
  const candidates: Array<{ identifier: string; node: Node }> = [];
  source.forEachDescendant((node) => {
    if (Node.isCallExpression(node) && node.getExpression().getText() === 'withPlantedBound') {
      const first = node.getArguments()[0];
      if (first !== undefined && Node.isIdentifier(first)) candidates.push({ identifier: first.getText(), node });
    }
    if (Node.isObjectLiteralExpression(node)) {
      const kind = node.getProperty('kind');
      const definition = node.getProperty('definition');
      if (kind !== undefined && Node.isPropertyAssignment(kind) && kind.getInitializer()?.getText() === "'planted'" && definition !== undefined) {
        const value = Node.isPropertyAssignment(definition) ? definition.getInitializer() : Node.isShorthandPropertyAssignment(definition) ? definition.getNameNode() : undefined;
        if (value !== undefined && Node.isIdentifier(value)) candidates.push({ identifier: value.getText(), node });
      }
    }
  });
  for (const { identifier, node } of candidates) {
    const test = enclosingTest(node);
    if (test === undefined || !test.getText().includes("'shown necessary'")) continue;
    const value = await importedValue(source, identifier);
    if (value === undefined) continue; // a local (e.g. the planted claim itself), not a claim of proof/
    const sites = planted.get(value as ClaimDefinition<unknown>) ?? [];
    const name = test.getArguments()[0];
    sites.push({ file: rel, line: node.getStartLineNumber(), test: name !== undefined && Node.isStringLiteral(name) ? name.getLiteralValue() : '?' });
    planted.set(value as ClaimDefinition<unknown>, sites);
  }
}

beforeAll(async () => {
  registry = await loadRuntimeRegistry();
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  for (const lemma of registry.lemmas) {
    const file = path.join(REPO_ROOT, 'properties', `${lemma.id}.property.ts`);
    if (existsSync(file)) await inventory(file, project);
  }
}, 60_000);

describe('planted false bounds', () => {
  it('the registry loads every lemma', () => {
    expect(registry.failures).toEqual([]);
    expect(registry.lemmas.length).toBeGreaterThan(0);
  });

  it('every claim of every lemma has a planted false bound expected to be refuted', () => {
    const missing = registry.lemmas.flatMap((lemma) => lemma.claims.filter((c) => !planted.has(c)).map((c) => `${lemma.id}/${c.id}`));
    expect(missing, `claims without a planted false bound in properties/<lemma>.property.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('finds the planted bounds it is shown (the inventory itself can fail)', () => {
    // softmax-hardmax/linf has the planted bound "a bound without the factor n − 1"
    const linf = registry.claims.get('softmax-hardmax/linf')?.definition;
    expect(linf).toBeDefined();
    expect(planted.get(linf!)?.map((s) => s.test)).toContain('a bound without the factor n − 1 is refuted');
    // a finding is not a claim: findings are expected violated already and need no planted bound
    const finding = registry.claims.get('softmax-hardmax/margin-necessary')?.definition;
    expect(planted.has(finding!)).toBe(false);
  });
});
