/**
 * Reads one JSON text keeping every numeric literal exact.
 *
 * `JSON.parse` turns `0.1000000000000000000000001` into the float64 `0.1`: the digits the user wrote
 * are lost before any reader sees them. {@link parseJsonLineExact} returns the value `JSON.parse`
 * would, except that every JSON number arrives as a {@link JsonNumber} holding its literal text
 * (`0.1000000000000000000000001`, `-3e-7`), which the argument readers (`src/verdict/args.ts`) read
 * exactly. A JSON number therefore stays distinguishable from a decimal string: a reason that echoes
 * a value shows `[1,2]`, not `["1","2"]` (`describeValue` in `src/verdict/errors.ts`), and a field
 * that must be a string can tell `7` from `"7"`.
 *
 * Method: first `JSON.parse` runs on the text as written, only to reject invalid JSON with the
 * position in the line as written. Then a small scanner ({@link markLiterals}) rewrites the text:
 * outside string literals every JSON number token becomes a string literal `"\u0000N<token>"`, and
 * every string literal in value position (not an object key) gets the prefix `\u0000S` inside its
 * quotes; `JSON.parse` reads the result with a reviver that turns the first kind into
 * {@link JsonNumber} and strips the prefix from the second. Since every value string carries one of
 * the two prefixes, a user's string can never be taken for a number, whatever it contains.
 *
 * The scanner runs on valid JSON only. Inside a string literal it only tracks escapes (`\"`, `\\`) to
 * find the closing quote. Outside, a run of number characters (`-+.eE0-9`) starting with `-` or a
 * digit is a number token (valid JSON has no other such runs outside strings).
 */

/** A JSON number as written on the input line: its literal text, e.g. `1`, `-3e-7`, `0.10`. */
export class JsonNumber {
  constructor(
    /** The number's literal text exactly as written (matches the JSON number grammar). */
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

const NUMBER_START = /[-0-9]/;
const NUMBER_CHAR = /[-+.eE0-9]/;
/** The prefix (a `\u0000`, escaped) marking a number token turned into a string literal. */
const NUMBER_MARK = '\\u0000N';
/** The prefix marking a user's string literal in value position. */
const STRING_MARK = '\\u0000S';

/**
 * The (valid JSON) text with every number token outside strings turned into the string literal
 * `"\u0000N<token>"` and every string literal in value position prefixed with `\u0000S`.
 */
export function markLiterals(text: string): string {
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
      if (!keyExpected) {
        out.push(text.slice(copiedTo, i + 1), STRING_MARK);
        copiedTo = i + 1;
      }
      // skip the string literal, honouring backslash escapes
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (NUMBER_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NUMBER_CHAR.test(text[j]!)) j++;
      out.push(text.slice(copiedTo, i), '"', NUMBER_MARK, text.slice(i, j), '"');
      copiedTo = j;
      i = j;
    } else {
      i++;
    }
  }
  out.push(text.slice(copiedTo));
  return out.join('');
}

/** Turns a marked string back into what it stands for (see {@link markLiterals}). */
function unmark(_key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value[1] === 'N' ? new JsonNumber(value.slice(2)) : value.slice(2);
}

/**
 * Parses one JSON text with every number read as a {@link JsonNumber} of its literal text (see the
 * module comment). Throws `SyntaxError` exactly when `JSON.parse` does on the text, with its message.
 */
export function parseJsonLineExact(text: string): unknown {
  JSON.parse(text); // only to reject invalid JSON with the position in the text as written
  return JSON.parse(markLiterals(text), unmark) as unknown;
}

/**
 * The value with every {@link JsonNumber} replaced by the string of its literal text (arrays and
 * plain objects copied, everything else as is): the form in which numbers reach the claims' fast readers.
 */
export function numbersAsText(value: unknown): unknown {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return value.map(numbersAsText);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // Object.fromEntries defines own properties, so a key "__proto__" stays an ordinary key
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsText(v)]));
  }
  return value;
}
