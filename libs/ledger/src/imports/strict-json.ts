/**
 * JSON as a financial API must read it: `JSON.parse` keeps the last of two equal keys
 * (`{"amount":-5,"amount":1000}` is 1000) and accepts any depth, which later code that walks the
 * value recursively (class-transformer, hashing) cannot survive. One linear scan before
 * `JSON.parse` refuses both, and the keys `__proto__` and `constructor`, naming the path of the
 * offending key; anything else malformed is left for `JSON.parse` to report.
 */

/** Bodies and import rows of this API are at most a few levels deep; this leaves room and nothing more. */
export const MAX_JSON_DEPTH = 32;

export class StrictJsonError extends Error {
  constructor(
    /** Dotted path of the offending key or value, e.g. `decision.number`, `deprivations[3]`; the root's name for the whole. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'StrictJsonError';
  }
}

type Level = { keys: Set<string> | null; at: string | number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function pathOf(levels: readonly Level[], root: string): string {
  let path = '';
  for (const l of levels) {
    if (typeof l.at === 'number') path += `[${l.at}]`;
    else if (l.at !== '') path += path === '' ? l.at : `.${l.at}`;
  }
  return path === '' ? root : path;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Throws StrictJsonError on a duplicate or forbidden key or on nesting deeper than `maxDepth`; never on anything else. */
export function checkJson(text: string, maxDepth = MAX_JSON_DEPTH, root = 'body'): void {
  const levels: Level[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Find the closing quote: one not preceded by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return; // unterminated: JSON.parse says so
      const top = levels[levels.length - 1];
      if (top?.keys) {
        let j = end + 1;
        while (j < n && isWhitespace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === COLON) {
          let key = text.slice(i + 1, end);
          if (key.includes('\\')) {
            try {
              key = JSON.parse(text.slice(i, end + 1)) as string;
            } catch {
              return; // a malformed escape: JSON.parse says so
            }
          }
          top.at = key;
          const field = pathOf(levels, root);
          if (key === '__proto__' || key === 'constructor') throw new StrictJsonError(field, `the key '${key}' is not allowed`);
          if (top.keys.has(key)) throw new StrictJsonError(field, `the key '${key}' appears more than once in the same object`);
          top.keys.add(key);
        }
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (levels.length >= maxDepth) {
        const field = pathOf(levels, root);
        throw new StrictJsonError(field, `nested more than ${maxDepth} levels deep`);
      }
      levels.push(c === OPEN_OBJECT ? { keys: new Set(), at: '' } : { keys: null, at: 0 });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      levels.pop();
    } else if (c === COMMA) {
      const top = levels[levels.length - 1];
      if (top && top.keys === null) top.at = (top.at as number) + 1;
    }
    i++;
  }
}

/** `JSON.parse`, after {@link checkJson}. */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH, root = 'body'): unknown {
  checkJson(text, maxDepth, root);
  return JSON.parse(text);
}
