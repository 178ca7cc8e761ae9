/**
 * KaTeX's stylesheet made self-contained: every `@font-face` keeps only its WOFF2 source, inlined
 * as a `data:` URI (the 20 KaTeX fonts, about 400 kB in base64), so `report.html` renders the math
 * with KaTeX's own fonts and fetches nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The KaTeX CSS with its WOFF2 fonts inlined and the WOFF/TTF fallbacks removed. */
export function katexCssInlined(): string {
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const fontsDir = path.join(path.dirname(cssPath), 'fonts');
  const css = readFileSync(cssPath, 'utf8');
  return css.replace(/src:([^;}]*)/g, (whole, sources: string) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(sources);
    if (woff2 === null) return whole;
    const data = readFileSync(path.join(fontsDir, path.basename(woff2[1]!))).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
}
