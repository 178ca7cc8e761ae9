/**
 * The static registry: every lemma, claim and finding read from the code in `proof/*.ts` with
 * ts-morph, without running it. For each file it finds the `defineLemma` / `defineClaim` /
 * `defineFinding` calls, the literal `id`, `kind`, `uses` and `drops` in their object literals, and
 * their doc comments: the summary is the statement (TeX between `$…$`), the tags are `@hypothesis
 * <name> <text>`, `@bound`, `@lhs`, `@args`, `@method`, `@reference`.
 *
 * A lemma's statement is the doc comment above its `defineLemma` declaration, or else the file's
 * leading doc comment (the module comment). Nothing about a lemma is written twice: the report, the
 * consistency check and the scaffolder all read this.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  type CallExpression,
  type Expression,
  Node,
  type ObjectLiteralExpression,
  Project,
  type SourceFile,
  type VariableStatement,
} from 'ts-morph';

/** A named hypothesis: `@hypothesis <name> <text>`. */
export interface StaticHypothesis {
  readonly name: string;
  readonly text: string;
}

/** A parsed doc comment: the summary and the tags the project uses. */
export interface DocComment {
  /** The statement: the text before the first tag, TeX kept as written. */
  readonly summary: string;
  readonly hypotheses: readonly StaticHypothesis[];
  readonly bound: string | undefined;
  readonly lhs: string | undefined;
  readonly args: string | undefined;
  readonly method: string | undefined;
  readonly reference: string | undefined;
}

export interface StaticClaim {
  readonly id: string;
  /** The exported constant holding it (e.g. `linf`). */
  readonly name: string;
  readonly doc: DocComment;
}

export interface StaticFinding extends StaticClaim {
  /** The hypothesis the finding shows necessary. */
  readonly drops: string;
}

export interface StaticLemma {
  readonly kind: 'lemma' | 'theorem';
  readonly id: string;
  /** The exported constant holding it (e.g. `softmaxHardmax`). */
  readonly name: string;
  /** Path relative to the repository root, e.g. `proof/softmax-hardmax.ts`. */
  readonly file: string;
  readonly uses: readonly string[];
  readonly doc: DocComment;
  readonly claims: readonly StaticClaim[];
  readonly findings: readonly StaticFinding[];
}

/** A problem found while reading: something written in a form the reader cannot take literally. */
export interface RegistryProblem {
  readonly file: string;
  readonly message: string;
}

export interface StaticRegistry {
  readonly lemmas: readonly StaticLemma[];
  readonly problems: readonly RegistryProblem[];
}

/** The single-valued tags; `@hypothesis` may repeat. */
type SingleTag = 'bound' | 'lhs' | 'args' | 'method' | 'reference';

/** Parses the text of a `/** … *\/` comment into its summary and tags. */
export function parseDocComment(comment: string): DocComment {
  const body = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
  const summary: string[] = [];
  const tags: { tag: string; lines: string[] }[] = [];
  for (const line of body) {
    const m = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (m !== null) tags.push({ tag: m[1]!, lines: [m[2]!] });
    else if (tags.length > 0) tags[tags.length - 1]!.lines.push(line);
    else summary.push(line);
  }
  const text = (lines: readonly string[]): string => lines.map((l) => l.trim()).join(' ').replace(/\s+/g, ' ').trim();
  const first = (tag: SingleTag): string | undefined => {
    const found = tags.filter((t) => t.tag === tag).map((t) => text(t.lines));
    return found.length > 0 ? found.join(' ') : undefined;
  };
  const hypotheses = tags
    .filter((t) => t.tag === 'hypothesis')
    .map((t) => {
      const all = text(t.lines);
      const m = /^(\S+)\s*(.*)$/.exec(all);
      return { name: m?.[1] ?? '', text: m?.[2] ?? '' };
    });
  return {
    summary: summary.join('\n').split(/\n\s*\n/).map((p) => text(p.split('\n'))).filter((p) => p !== '').join('\n\n'),
    hypotheses,
    bound: first('bound'),
    lhs: first('lhs'),
    args: first('args'),
    method: first('method'),
    reference: first('reference'),
  };
}

const EMPTY_DOC: DocComment = parseDocComment('/** */');

function docOf(statement: VariableStatement): DocComment | undefined {
  const docs = statement.getJsDocs();
  const last = docs[docs.length - 1];
  return last === undefined ? undefined : parseDocComment(last.getText());
}

/** The file's leading `/** … *\/` comment (the module comment), if any. */
function moduleDocOf(file: SourceFile): DocComment | undefined {
  const text = file.getFullText();
  const m = /^\s*(\/\*\*[\s\S]*?\*\/)/.exec(text);
  return m === null ? undefined : parseDocComment(m[1]!);
}

function calleeName(call: CallExpression): string {
  return call.getExpression().getText();
}

/** The value of property `name` in an object literal (the name node for a shorthand property). */
export function property(obj: ObjectLiteralExpression, name: string): Expression | undefined {
  const p = obj.getProperty(name);
  if (p === undefined) return undefined;
  if (Node.isPropertyAssignment(p)) return p.getInitializer();
  if (Node.isShorthandPropertyAssignment(p)) return p.getNameNode();
  return undefined;
}

/** The text of a string literal (or a template without substitutions); undefined otherwise. */
export function stringLiteral(e: Expression | undefined): string | undefined {
  if (e === undefined) return undefined;
  if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralValue();
  return undefined;
}

interface Declared {
  readonly name: string;
  readonly call: CallExpression;
  readonly object: ObjectLiteralExpression;
  readonly doc: DocComment | undefined;
}

function declarations(file: SourceFile, callee: string): Declared[] {
  const out: Declared[] = [];
  for (const statement of file.getVariableStatements()) {
    for (const decl of statement.getDeclarations()) {
      const init = decl.getInitializer();
      if (init === undefined || !Node.isCallExpression(init) || calleeName(init) !== callee) continue;
      const arg = init.getArguments()[0];
      if (arg === undefined || !Node.isObjectLiteralExpression(arg)) continue;
      out.push({ name: decl.getName(), call: init, object: arg, doc: docOf(statement) });
    }
  }
  return out;
}

/** Reads every lemma in the given `proof/*.ts` files (paths absolute or relative to `root`). */
export function readRegistry(root: string, files?: readonly string[]): StaticRegistry {
  const proofDir = path.join(root, 'proof');
  const paths =
    files ??
    readdirSync(proofDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      .sort()
      .map((f) => path.join(proofDir, f));
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { allowJs: false },
  });
  const lemmas: StaticLemma[] = [];
  const problems: RegistryProblem[] = [];
  for (const p of paths) {
    const file = project.addSourceFileAtPath(path.resolve(root, p));
    const rel = path.relative(root, file.getFilePath()).split(path.sep).join('/');
    const problem = (message: string): void => void problems.push({ file: rel, message });

    const claimsByName = new Map<string, StaticClaim>();
    for (const d of declarations(file, 'defineClaim')) {
      const id = stringLiteral(property(d.object, 'id'));
      if (id === undefined) problem(`defineClaim ${d.name}: the id is not a string literal`);
      else claimsByName.set(d.name, { id, name: d.name, doc: d.doc ?? EMPTY_DOC });
    }
    const findingsByName = new Map<string, StaticFinding>();
    for (const d of declarations(file, 'defineFinding')) {
      const id = stringLiteral(property(d.object, 'id'));
      const drops = stringLiteral(property(d.object, 'drops'));
      if (id === undefined || drops === undefined) problem(`defineFinding ${d.name}: id and drops must be string literals`);
      else findingsByName.set(d.name, { id, drops, name: d.name, doc: d.doc ?? EMPTY_DOC });
    }

    const lemmaDecls = declarations(file, 'defineLemma');
    if (lemmaDecls.length === 0) problem('no defineLemma declaration');
    for (const d of lemmaDecls) {
      const id = stringLiteral(property(d.object, 'id'));
      if (id === undefined) {
        problem(`defineLemma ${d.name}: the id is not a string literal`);
        continue;
      }
      const kindText = stringLiteral(property(d.object, 'kind')) ?? 'lemma';
      if (kindText !== 'lemma' && kindText !== 'theorem') problem(`defineLemma ${id}: kind ${kindText} is neither lemma nor theorem`);
      const kind = kindText === 'theorem' ? 'theorem' : 'lemma';
      const usesNode = property(d.object, 'uses');
      const uses: string[] = [];
      if (usesNode !== undefined && Node.isArrayLiteralExpression(usesNode)) {
        for (const e of usesNode.getElements()) {
          const s = stringLiteral(e);
          if (s === undefined) problem(`defineLemma ${id}: uses holds ${e.getText()}, not a string literal`);
          else uses.push(s);
        }
      } else problem(`defineLemma ${id}: uses is not an array literal`);

      const listed = <T extends StaticClaim>(key: string, known: Map<string, T>): T[] => {
        const node = property(d.object, key);
        if (node === undefined) return [];
        if (!Node.isArrayLiteralExpression(node)) {
          problem(`defineLemma ${id}: ${key} is not an array literal`);
          return [];
        }
        return node.getElements().flatMap((e) => {
          const found = known.get(e.getText());
          if (found === undefined) {
            problem(`defineLemma ${id}: ${key} lists ${e.getText()}, which is not a ${key === 'claims' ? 'defineClaim' : 'defineFinding'} in this file`);
            return [];
          }
          return [found];
        });
      };
      lemmas.push({
        kind,
        id,
        name: d.name,
        file: rel,
        uses,
        doc: d.doc ?? moduleDocOf(file) ?? EMPTY_DOC,
        claims: listed('claims', claimsByName),
        findings: listed('findings', findingsByName),
      });
    }
  }
  return { lemmas, problems };
}

/** Lemmas in dependency order (a lemma after everything it uses; ties by id), theorems last. */
export function inDependencyOrder(lemmas: readonly StaticLemma[]): StaticLemma[] {
  const byId = new Map(lemmas.map((l) => [l.id, l]));
  const done = new Set<string>();
  const out: StaticLemma[] = [];
  const visit = (l: StaticLemma, stack: Set<string>): void => {
    if (done.has(l.id) || stack.has(l.id)) return;
    stack.add(l.id);
    for (const u of [...l.uses].sort()) {
      const dep = byId.get(u);
      if (dep !== undefined) visit(dep, stack);
    }
    done.add(l.id);
    out.push(l);
  };
  const sorted = [...lemmas].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'lemma' ? -1 : 1));
  for (const l of sorted) visit(l, new Set());
  return out;
}

