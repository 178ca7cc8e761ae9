/**
 * Reads one JSON text keeping every numeric literal exact.
 *
 * `JSON.parse` turns `0.1000000000000000000000001` into the float64 `0.1`: the digits the user wrote
 * are lost before any reader sees them. {@link parseJsonLineExact} first runs a small scanner over
 * the text that, outside string literals, wraps every JSON number token in double quotes; then
 * `JSON.parse` reads the result. Every number therefore arrives as the string of its literal text
 * (`"0.1000000000000000000000001"`, `"-3e-7"`), which the argument readers (`src/verdict/args.ts`)
 * read exactly. A consequence worth knowing: after this step a JSON number and a decimal string
 * are indistinguishable, which is what the readers want (both forms are accepted everywhere).
 *
 * Method: one pass over the characters. Inside a string literal the scanner only tracks escapes
 * (`\"`, `\\`) to find the closing quote. Outside, a run of number characters (`-+.eE0-9`) that
 * starts with `-` or a digit is wrapped when it matches the JSON number grammar exactly
 * (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`) and stands where a value may stand (not where an
 * object key is expected, so `{1: 2}` stays invalid). A run that does not match (`01`, `1.`, `-`)
 * is copied unchanged, so `JSON.parse` still rejects it. `NaN` and `Infinity` are not JSON and stay
 * rejected.
 */

/** The JSON number grammar (RFC 8259, section 6). */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

const NUMBER_START = /[-0-9]/;
const NUMBER_CHAR = /[-+.eE0-9]/;

/** The text with every JSON number token outside strings wrapped in double quotes. */
export function quoteNumberTokens(text: string): string {
  const out: string[] = [];
  let i = 0;
  let copiedTo = 0;
  const open: string[] = []; // enclosing containers, '{' or '['
  let keyExpected = false; // true right after '{' or after ',' inside an object
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' || c === '[') {
      open.push(c);
      keyExpected = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      open.pop();
      keyExpected = false;
      i++;
    } else if (c === ':') {
      keyExpected = false;
      i++;
    } else if (c === ',') {
      keyExpected = open[open.length - 1] === '{';
      i++;
    } else if (c === '"') {
      // skip a string literal, honouring backslash escapes; an unterminated one runs to the end
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (NUMBER_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NUMBER_CHAR.test(text[j]!)) j++;
      const token = text.slice(i, j);
      if (!keyExpected && JSON_NUMBER.test(token)) {
        out.push(text.slice(copiedTo, i), '"', token, '"');
        copiedTo = j;
      }
      i = j;
    } else {
      i++;
    }
  }
  out.push(text.slice(copiedTo));
  return out.join('');
}

/**
 * Parses one JSON text with every number read as the string of its literal text (see the module
 * comment). Throws `SyntaxError` exactly when `JSON.parse` would on the original text.
 */
export function parseJsonLineExact(text: string): unknown {
  return JSON.parse(quoteNumberTokens(text));
}
