// Module-loader hooks (run by Node in its loader thread) that serve the project's `.ts` files as
// JavaScript: each file is transpiled once by esbuild (type stripping only, no bundling, no type
// check) and cached under node_modules/.cache/uat-ts, keyed by path, size and modification time, so
// later runs start without loading esbuild at all. Module URLs stay the `.ts` file URLs, so
// `import.meta.url` and relative paths behave exactly as under tsx. See ts-loader.mjs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const cacheDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'uat-ts');
let esbuild;

function compiled(file) {
  const stat = statSync(file);
  const key = createHash('sha1').update(`${file}\0${stat.size}\0${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.mjs`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  esbuild ??= createRequire(import.meta.url)('esbuild');
  const { code } = esbuild.transformSync(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcefile: file,
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  });
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, cached);
  return code;
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    return { format: 'module', source: compiled(fileURLToPath(url)), shortCircuit: true };
  }
  return nextLoad(url, context);
}
