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
 * Method: one recursive-descent pass over the text (RFC 8259 grammar, the one `JSON.parse`
 * implements) builds the value directly: a number token becomes a {@link JsonNumber} of its text, a
 * string without escapes is a slice of the line, a string with escapes is decoded by `JSON.parse` on
 * that literal alone, and an object key is defined as an own data property (so `"__proto__"` stays
 * an ordinary key, as with `JSON.parse`; a repeated key keeps its last value). Whatever the pass
 * refuses, `JSON.parse` is run on the text as written, so the `SyntaxError` thrown is exactly
 * `JSON.parse`'s, position included.
 *
 * Limit: valid JSON with arrays and objects nested deeper than {@link MAX_JSON_DEPTH} is refused
 * with a `SyntaxError` naming the limit, so the answer never depends on the stack size of the thread that
 * reads the line (the main thread and worker threads have different stacks).
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

/** Deepest nesting of arrays and objects accepted in one line (a probe needs 3 or 4 levels). */
export const MAX_JSON_DEPTH = 1000;

/** Thrown inside the reader when the text deviates from the grammar; `JSON.parse` then names the deviation. */
const REFUSED = Symbol('refused');
/** Thrown inside the reader when the nesting exceeds {@link MAX_JSON_DEPTH}. */
const TOO_DEEP = Symbol('too deep');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const COMMA = 0x2c;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** One pass of the reader over one text. */
class ExactReader {
  private pos = 0;
  private depth = 0;
  /** How many number tokens the pass has read so far. */
  numbers = 0;

  constructor(private readonly text: string) {}

  /** The whole text as one JSON value, or a throw of {@link REFUSED}. */
  document(): unknown {
    const value = this.value();
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw REFUSED;
    return value;
  }

  private skipWhitespace(): void {
    const { text } = this;
    let c = text.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++this.pos);
  }

  /** The code unit at the next non-whitespace position (NaN at the end). */
  private peek(): number {
    this.skipWhitespace();
    return this.text.charCodeAt(this.pos);
  }

  private value(): unknown {
    const c = this.peek();
    if (c === QUOTE) return this.string();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === MINUS || isDigit(c)) return this.number();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    throw REFUSED;
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_JSON_DEPTH) throw TOO_DEEP;
    this.pos += 1; // the opening bracket
  }

  private array(): unknown[] {
    this.enter();
    const items: unknown[] = [];
    if (this.peek() === 0x5d) {
      this.pos += 1;
      this.depth -= 1;
      return items;
    }
    const { text } = this;
    for (;;) {
      // an element and the comma after it without a call to value() or peek() in the usual case
      // (a string, then `,` or `]` at once: a probe's scores)
      items.push(text.charCodeAt(this.pos) === QUOTE ? this.string() : this.value());
      let c = text.charCodeAt(this.pos);
      if (c !== COMMA && c !== 0x5d) c = this.peek();
      this.pos += 1;
      if (c === 0x5d) break;
      if (c !== COMMA) throw REFUSED;
      if (text.charCodeAt(this.pos) !== QUOTE) this.skipWhitespace();
    }
    this.depth -= 1;
    return items;
  }

  private object(): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    if (this.peek() === 0x7d) {
      this.pos += 1;
      this.depth -= 1;
      return result;
    }
    for (;;) {
      if (this.peek() !== QUOTE) throw REFUSED;
      const key = this.string();
      if (this.peek() !== COLON) throw REFUSED;
      this.pos += 1;
      const value = this.value();
      // a data property, as JSON.parse defines it: `result[key] = …` would set the prototype for "__proto__"
      if (key === '__proto__') Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
      else result[key] = value;
      const c = this.peek();
      this.pos += 1;
      if (c === 0x7d) break;
      if (c !== COMMA) throw REFUSED;
    }
    this.depth -= 1;
    return result;
  }

  /** A string literal starting at the current position (a `"`). */
  private string(): string {
    const { text } = this;
    const start = this.pos;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c < 0x20 || Number.isNaN(c)) throw REFUSED; // a control character, or the end of the text
      if (c === BACKSLASH) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          // \uXXXX
          for (let k = 2; k < 6; k++) if (!isHexDigit(text.charCodeAt(i + k))) throw REFUSED;
          i += 6;
          continue;
        }
        if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) throw REFUSED;
        i += 2;
        continue;
      }
      i += 1;
    }
    this.pos = i + 1;
    return escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
  }

  /** A number token: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
  private number(): JsonNumber {
    const { text } = this;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i += 1;
    if (text.charCodeAt(i) === ZERO) i += 1;
    else i = this.digits(i);
    if (text.charCodeAt(i) === DOT) i = this.digits(i + 1);
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i += 1;
      const sign = text.charCodeAt(i);
      if (sign === PLUS || sign === MINUS) i += 1;
      i = this.digits(i);
    }
    this.pos = i;
    this.numbers += 1;
    return new JsonNumber(text.slice(start, i));
  }

  /** The position after a run of at least one digit starting at `i`. */
  private digits(i: number): number {
    if (!isDigit(this.text.charCodeAt(i))) throw REFUSED;
    let j = i + 1;
    while (isDigit(this.text.charCodeAt(j))) j++;
    return j;
  }
}

/**
 * Parses one JSON text with every number read as a {@link JsonNumber} of its literal text (see the
 * module comment). Throws `SyntaxError` exactly when `JSON.parse` does on the text, with its message
 * (or, beyond {@link MAX_JSON_DEPTH} levels of nesting, a `SyntaxError` naming that limit).
 */
export function parseJsonLineExact(text: string): unknown {
  return readJsonLineExact(text).value;
}

/** One JSON text read by {@link readJsonLineExact}. */
export interface ExactJsonLine {
  /** The value, as {@link parseJsonLineExact} returns it. */
  readonly value: unknown;
  /** True when the text holds a JSON number, i.e. `value` holds a {@link JsonNumber}: only then does {@link numbersAsText} change it. */
  readonly holdsNumber: boolean;
}

/** {@link parseJsonLineExact}, also saying whether the text held a number (same throws). */
export function readJsonLineExact(text: string): ExactJsonLine {
  let refusal: unknown;
  try {
    const reader = new ExactReader(text);
    const value = reader.document();
    return { value, holdsNumber: reader.numbers > 0 };
  } catch (e) {
    if (e !== REFUSED && e !== TOO_DEEP) throw e;
    refusal = e;
  }
  JSON.parse(text); // throws JSON.parse's SyntaxError, with the position in the text as written
  if (refusal === TOO_DEEP) throw new SyntaxError(`arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels (the limit)`);
  throw new Error(`parseJsonLineExact: the exact reader refused JSON that JSON.parse accepts: ${text.slice(0, 80)}`);
}

/**
 * The value with every {@link JsonNumber} replaced by the string of its literal text: the form in
 * which numbers reach the claims' fast readers. Arrays and plain objects holding a JsonNumber (at any
 * depth) are copied; a value holding none is returned as it is, not copied (the readers never modify
 * their arguments), so a probe written with strings costs no copy.
 */
export function numbersAsText(value: unknown): unknown {
  if (!holdsJsonNumber(value)) return value;
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return value.map(numbersAsText);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    const item = numbersAsText((value as Record<string, unknown>)[key]);
    // a data property: `copy[key] = …` would set the prototype for "__proto__"
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/** True when `value` is a {@link JsonNumber} or an array or plain object holding one at any depth (allocates nothing). */
function holdsJsonNumber(value: unknown): boolean {
  if (value instanceof JsonNumber) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (holdsJsonNumber(value[i])) return true;
    return false;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in value) if (Object.hasOwn(value, key) && holdsJsonNumber((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
