/**
 * The run-time registry: every lemma found in `proof/*.ts`, and the map from a probe's claim name
 * `"<lemma>/<claim>"` to the claim (or finding) that decides it.
 *
 * Method: list the top-level `.ts` files of the proof directory (sorted by file name, so the order
 * is deterministic), dynamic-import each, and keep every export that satisfies {@link isLemma}.
 * Nothing is listed by hand: a lemma added to `proof/` is checkable as soon as its file exports it.
 * A file that fails to import is reported in {@link RuntimeRegistry.failures} (its claims are then
 * unknown) instead of taking the other lemmas down with it. Two different lemmas with one id, or a
 * lemma exported twice under one id by different files, is a programming error and throws.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isLemma, type ClaimDefinition, type LemmaDefinition } from './define.ts';
import { REPO_ROOT } from '../verify/settings.ts';

/** The directory holding the lemmas, `proof/` at the repository root. */
export const PROOF_DIR = path.join(REPO_ROOT, 'proof');

/** One checkable statement: a claim, or a finding (a claim with one hypothesis dropped). */
export interface RegisteredClaim {
  /** `"<lemma>/<claim>"`, the name a probe uses. */
  readonly name: string;
  readonly kind: 'claim' | 'finding';
  readonly lemma: LemmaDefinition;
  readonly definition: ClaimDefinition<unknown>;
}

/** A proof file that could not be imported. */
export interface LoadFailure {
  readonly file: string;
  readonly message: string;
}

export interface RuntimeRegistry {
  /** The lemmas, in file-name order (then export order within a file). */
  readonly lemmas: readonly LemmaDefinition[];
  /** Claims and findings by `"<lemma>/<claim>"`, in lemma order then declaration order. */
  readonly claims: ReadonlyMap<string, RegisteredClaim>;
  readonly failures: readonly LoadFailure[];
}

/** The top-level `.ts` files of `dir` (no tests, no declaration files), sorted by name. */
export function proofFiles(dir: string = PROOF_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => e.name)
    .sort()
    .map((name) => path.join(dir, name));
}

/** Imports one proof file given by its absolute path (the default: a dynamic import of its file URL). */
export type ProofImporter = (file: string) => Promise<unknown>;

const importByUrl: ProofImporter = (file) => import(pathToFileURL(file).href);

/**
 * Builds the registry from the lemmas exported by the files of `dir`. `importFile` lets a caller
 * serve the files from elsewhere (the `uat` bundle serves them precompiled; `src/cli/module-locations.ts`).
 */
export async function loadRuntimeRegistry(dir: string = PROOF_DIR, importFile: ProofImporter = importByUrl): Promise<RuntimeRegistry> {
  const lemmas: LemmaDefinition[] = [];
  const failures: LoadFailure[] = [];
  const origin = new Map<string, string>(); // lemma id → file
  const files = proofFiles(dir);
  // imported all at once (their reads and compilations overlap), then taken in file order
  const imported = await Promise.allSettled(files.map(async (file) => importFile(file))); // async: a synchronous throw becomes a rejection too
  for (const [i, file] of files.entries()) {
    const outcome = imported[i]!;
    if (outcome.status === 'rejected') {
      const e: unknown = outcome.reason;
      failures.push({ file, message: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
      continue;
    }
    const module = outcome.value as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (!isLemma(value) || lemmas.includes(value)) continue;
      const previous = origin.get(value.id);
      if (previous !== undefined) {
        throw new Error(`loadRuntimeRegistry: lemma id ${value.id} is defined twice (${path.basename(previous)} and ${path.basename(file)})`);
      }
      origin.set(value.id, file);
      lemmas.push(value);
    }
  }
  return { lemmas, claims: claimsOf(lemmas), failures };
}

/** The map `"<lemma>/<claim>" → claim` over the given lemmas (claims first, then findings). */
export function claimsOf(lemmas: readonly LemmaDefinition[]): Map<string, RegisteredClaim> {
  const claims = new Map<string, RegisteredClaim>();
  for (const lemma of lemmas) {
    const entries = [
      ...lemma.claims.map((definition) => ({ kind: 'claim' as const, definition })),
      ...lemma.findings.map((definition) => ({ kind: 'finding' as const, definition })),
    ];
    for (const { kind, definition } of entries) {
      const name = `${lemma.id}/${definition.id}`;
      claims.set(name, { name, kind, lemma, definition });
    }
  }
  return claims;
}
