// The `uat` program precompiled: one esbuild bundle of src/cli/main.ts (and of the worker entry of
// `uat check`, src/cli/check-worker.ts), with every lemma of proof/ included, so that a run starts
// without a TypeScript loader thread and without reading ~70 modules one by one (`uat check` on an
// empty input: ~90 ms of CPU instead of ~210 ms).
//
// Never stale: the bundle lives in node_modules/.cache/uat-bundle/<key>/ next to a manifest naming
// every source file it was built from (esbuild's metafile). The key is a SHA-256 of this builder's
// own text, the repository path, the names of the proof files, and the path and full content of
// every input. A run uses the bundle when the proof files are the same and every input still has
// the size, mtime, ctime and inode recorded in the manifest (a write always moves the ctime on; an
// input changed just before it was recorded is read anyway, see unchangedSince); otherwise it reads
// every input and recomputes the key, and rebuilds (~0.3 s) unless the key is the manifest's. So a
// fresh clone, an edited lemma or a new proof file are picked up by the very next run. npm packages
// stay external (resolved from node_modules at run time), except commander and decimal.js, which every
// run loads (BUNDLED_PACKAGES; their files are inputs like the sources). Node's own modules are taken
// with `require` rather than imported (externalPackagesExcept).
//
// Two modules are compiled differently in the bundle than under the loader:
// - `import.meta.url` in a project file is replaced by that file's own URL (as a string), so paths
//   computed from it (the repository root, package.json, createRequire) stay those of the sources;
// - src/cli/module-locations.ts is replaced by a generated module that imports each proof file from
//   the bundle and locates the bundled worker entry.
// When the bundle cannot be built (esbuild missing, a syntax error in a source), bin.mjs falls back to
// the loader, which reports the error as it always did.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'uat-bundle');
const MANIFEST = path.join(CACHE_DIR, 'manifest.json');
const PROOF_DIR = path.join(ROOT, 'proof');
const MODULE_LOCATIONS = path.join(ROOT, 'src', 'cli', 'module-locations.ts');
const ENTRY_POINTS = { main: path.join(ROOT, 'src', 'cli', 'main.ts'), 'check-worker': path.join(ROOT, 'src', 'cli', 'check-worker.ts') };
/** An input changed less than this long before its stats were recorded is read, not trusted by its stats. */
const RACY_MS = 2000;
/** Bundles not in use are removed once they are this old. */
const STALE_BUNDLE_MS = 24 * 3600 * 1000;

/** The proof files the registry will list (same rule as proofFiles() in src/registry/runtime.ts). */
function proofFileNames() {
  return readdirSync(PROOF_DIR, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => e.name)
    .sort();
}

/** This builder's own text, part of every key (a change to how bundles are built invalidates them). */
const BUILDER_FILE = fileURLToPath(import.meta.url);
const BUILDER_INPUT = path.relative(ROOT, BUILDER_FILE);
const BUILDER_STAT = statOf(BUILDER_INPUT); // before the read, as for every input (see substitutions)
const BUILDER_TEXT = readFileSync(BUILDER_FILE);

/**
 * The key of a bundle built from `inputs` (paths relative to the repository, sorted) with the given
 * proof files, `contentOf(input)` giving each input's bytes.
 */
function keyOf(inputs, proofNames, contentOf = (input) => readFileSync(path.join(ROOT, input))) {
  // node:crypto is loaded only here: a run with an up-to-date bundle never hashes (about 4 ms saved at start-up)
  const hash = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  hash.update(BUILDER_TEXT);
  hash.update(`\0${ROOT}\0${proofNames.join('/')}\0`);
  for (const input of inputs) {
    hash.update(`${input}\0`);
    hash.update(contentOf(input));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The generated replacement of module-locations.ts: each proof file imported from the bundle. */
function moduleLocationsSource(proofNames) {
  const loaders = proofNames.map((name) => {
    const file = JSON.stringify(path.join(PROOF_DIR, name));
    return `[${file}, () => import(${file})]`;
  });
  return [
    "import { pathToFileURL } from 'node:url';",
    `const BUNDLED = new Map([${loaders.join(', ')}]);`,
    'export function importProofModule(file) {',
    '  const load = BUNDLED.get(file);',
    '  return load === undefined ? import(pathToFileURL(file).href) : load();',
    '}',
    "export function checkWorkerUrl() { return new URL('./check-worker.mjs', import.meta.url); }",
    '',
  ].join('\n');
}

/**
 * esbuild plugin: the two compile-time substitutions described at the top of this file. Every source
 * read — the project's `.ts` files and the bundled packages' JavaScript — goes into `read` (path
 * relative to the repository → bytes), so the key is computed from the very bytes compiled, even when
 * a file changes during the build; its {@link statOf} taken just before the read goes into `stats`.
 */
function substitutions(proofNames, read, stats) {
  return {
    name: 'uat-substitutions',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const input = path.relative(ROOT, args.path);
        stats.set(input, statOf(input)); // before the read: a later change moves the ctime on
        const bytes = readFileSync(args.path);
        read.set(input, bytes);
        if (args.path === MODULE_LOCATIONS) return { contents: moduleLocationsSource(proofNames), loader: 'js', resolveDir: path.dirname(args.path) };
        const source = bytes.toString('utf8');
        return { contents: source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
      build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        const input = path.relative(ROOT, args.path);
        stats.set(input, statOf(input));
        const bytes = readFileSync(args.path);
        read.set(input, bytes);
        return { contents: bytes, loader: 'js' };
      });
    },
  };
}

/**
 * npm packages compiled into the bundle: the two every run loads (the command line, the arithmetic).
 * Loading them from node_modules costs a run module resolution and, for commander (CommonJS), a scan
 * of its exports; every other package stays external (resolved from node_modules when a command
 * first needs it: ts-morph, vega, katex, …).
 */
const BUNDLED_PACKAGES = new Set(['commander', 'decimal.js']);

/** esbuild namespace of the stand-in modules that `require` a `node:` module. */
const BUILTIN_NAMESPACE = 'uat-node-builtin';

/**
 * esbuild plugin: a `node:` module is taken with `require` (the chunk's `__uatRequire`, from the
 * banner) instead of an ESM import, which builds a facade of all its exports (about 13 million
 * instructions, 3 ms, at the start of `uat check`); every other bare import (an npm package) is
 * external, except the packages in `bundled`.
 */
function externalPackagesExcept(bundled) {
  return {
    name: 'uat-external-packages',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: BUILTIN_NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: BUILTIN_NAMESPACE }, (args) => ({ contents: `module.exports = __uatRequire(${JSON.stringify(args.path)});`, loader: 'js' }));
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return bundled.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Builds the bundle, writes it and its manifest; returns the manifest. Throws when the build fails. */
async function build(proofNames) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const read = new Map();
  const stats = new Map();
  const result = await esbuild.build({
    entryPoints: ENTRY_POINTS,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: CACHE_DIR, // only for naming: nothing is written by esbuild
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    plugins: [externalPackagesExcept(BUNDLED_PACKAGES), substitutions(proofNames, read, stats)],
    // each chunk's own `require`, for the stand-ins of the `node:` modules (externalPackagesExcept)
    banner: { js: "import { createRequire as __uatCreateRequire } from 'node:module'; const __uatRequire = __uatCreateRequire(import.meta.url);" },
  });
  // the builder is an input too: a changed builder (say, after a pull) must not leave a bundle it built differently in use
  const files = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith(`${BUILTIN_NAMESPACE}:`)); // the node: stand-ins are not files
  const inputs = [...files.map((input) => path.relative(ROOT, path.resolve(input))), BUILDER_INPUT].sort();
  read.set(BUILDER_INPUT, BUILDER_TEXT);
  stats.set(BUILDER_INPUT, BUILDER_STAT);
  const key = keyOf(inputs, proofNames, (input) => read.get(input) ?? readFileSync(path.join(ROOT, input)));
  const dir = path.join(CACHE_DIR, key);
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(path.join(tmp, path.relative(CACHE_DIR, file.path)), file.contents);
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // built meanwhile by another run: same key, same bundle
  }
  const manifest = writeManifest({ key, inputs, proofNames, stats: inputs.map((input) => stats.get(input) ?? statOf(input)) });
  removeOldBundles(key);
  return manifest;
}

/** Writes `manifest` (atomically) with the time of writing; returns what was written. */
function writeManifest(manifest) {
  const written = { ...manifest, writtenAt: Date.now() };
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(written));
  renameSync(tmp, MANIFEST);
  return written;
}

/** What identifies a version of a file without reading it: `[size, mtime, ctime, inode]`. */
function statOf(input) {
  const s = statSync(path.join(ROOT, input));
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

/**
 * True when no input can have changed since the manifest was written: each has the recorded
 * {@link statOf}, and was last changed well before the manifest was written (a change within the
 * same clock tick as the recording could keep the ctime: such "racy" files are read instead, as git
 * does for its index).
 */
function unchangedSince(manifest) {
  return manifest.inputs.every((input, i) => {
    const recorded = manifest.stats[i];
    return recorded !== undefined && recorded[2] < manifest.writtenAt - RACY_MS && statOf(input).join() === recorded.join();
  });
}

function removeOldBundles(current) {
  for (const entry of readdirSync(CACHE_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const dir = path.join(CACHE_DIR, entry.name);
    if (Date.now() - statSync(dir).mtimeMs > STALE_BUNDLE_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** The manifest of the current bundle when it is up to date with the sources, else undefined. */
function currentManifest(proofNames) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    statSync(path.join(CACHE_DIR, manifest.key, 'main.mjs'));
    if (manifest.proofNames.join('/') !== proofNames.join('/')) return undefined;
    if (unchangedSince(manifest)) return manifest;
    // some input was touched, or is racy: read them all (stats taken first); same contents, same bundle
    const stats = manifest.inputs.map(statOf);
    if (keyOf(manifest.inputs, proofNames) !== manifest.key) return undefined;
    return writeManifest({ ...manifest, stats });
  } catch {
    return undefined; // no manifest yet, a bundle removed, or an input gone
  }
}

/**
 * The URL of the bundled program (built first when missing or out of date), or undefined when no
 * bundle can be built (the caller then loads the sources through the TypeScript loader).
 */
export async function bundledProgramUrl() {
  try {
    const proofNames = proofFileNames();
    const manifest = currentManifest(proofNames) ?? (await build(proofNames));
    return pathToFileURL(path.join(CACHE_DIR, manifest.key, 'main.mjs')).href;
  } catch {
    return undefined;
  }
}
