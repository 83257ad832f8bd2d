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
const OBJECT = 1;
const ARRAY = 2;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The index of the quote closing the string opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let slashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** The key of the string at [start, end], or null if its escapes are malformed. */
function keyOf(text: string, start: number, end: number): string | null {
  const raw = text.slice(start + 1, end);
  if (raw.indexOf('\\') === -1) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return null;
  }
}

/**
 * The kind of each open level and, for objects, the keys seen so far, reused from call to call (the
 * scan is synchronous): an import checks rows by the hundred thousand, and allocating a Set per
 * object (or clearing one, which reallocates it) costs more than the scan. A short list is searched;
 * past SMALL keys the object's keys go into a Set, so a body of 100,000 keys stays linear.
 */
const SMALL = 16;
const kinds: number[] = [];
const listAt: string[][] = [];
const setAt: (Set<string> | null)[] = [];

/** Records `key` in the object open at `depth`; false if it was already there. */
function firstTime(depth: number, key: string): boolean {
  const set = setAt[depth];
  if (set) {
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }
  const list = listAt[depth]!;
  for (let k = 0; k < list.length; k++) if (list[k] === key) return false;
  list.push(key);
  if (list.length > SMALL) setAt[depth] = new Set(list);
  return true;
}

/**
 * Throws StrictJsonError on a duplicate or forbidden key or on nesting deeper than `maxDepth`;
 * never on anything else. The hot loop tracks only the kind of each open level and its keys; the
 * path of an offending key is worked out again, only when there is one (pathAt).
 */
export function checkJson(text: string, maxDepth = MAX_JSON_DEPTH, root = 'body'): void {
  let depth = 0;
  let deepest = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) return; // unterminated: JSON.parse says so
      if (depth > 0 && kinds[depth - 1] === OBJECT) {
        let j = end + 1;
        while (j < n && isWhitespace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === COLON) {
          const key = keyOf(text, i, end);
          if (key === null) return; // a malformed escape: JSON.parse says so
          if (key === '__proto__' || key === 'constructor') throw new StrictJsonError(pathAt(text, i, root), `the key '${key}' is not allowed`);
          if (!firstTime(depth - 1, key)) throw new StrictJsonError(pathAt(text, i, root), `the key '${key}' appears more than once in the same object`);
          i = j + 1;
          continue;
        }
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth >= maxDepth) throw new StrictJsonError(pathAt(text, i, root), `nested more than ${maxDepth} levels deep`);
      if (c === OPEN_OBJECT) {
        kinds[depth] = OBJECT;
        if (listAt[depth] === undefined) listAt[depth] = [];
        else listAt[depth]!.length = 0;
        setAt[depth] = null;
      } else kinds[depth] = ARRAY;
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && depth > 0) {
      depth--;
    }
    i++;
  }
  // Keep no key of this text alive.
  for (let d = 0; d < deepest; d++) {
    if (listAt[d] !== undefined) listAt[d]!.length = 0;
    setAt[d] = null;
  }
}

function pathOf(levels: readonly Level[], root: string): string {
  let path = '';
  for (const l of levels) {
    if (typeof l.at === 'number') path += `[${l.at}]`;
    else if (l.at !== '') path += path === '' ? l.at : `.${l.at}`;
  }
  return path === '' ? root : path;
}

/** The path of the key (or of the value opened) at `offset`, by scanning again up to it with every level's key or index. */
function pathAt(text: string, offset: number, root: string): string {
  const levels: Level[] = [];
  let i = 0;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = levels[levels.length - 1];
      if (top?.keys) {
        let j = end + 1;
        while (isWhitespace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === COLON) top.at = keyOf(text, i, end) ?? '';
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT) levels.push({ keys: new Set(), at: '' });
    else if (c === OPEN_ARRAY) levels.push({ keys: null, at: 0 });
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) levels.pop();
    else if (c === COMMA) {
      const top = levels[levels.length - 1];
      if (top && top.keys === null) top.at = (top.at as number) + 1;
    }
    i++;
  }
  const top = levels[levels.length - 1];
  if (top?.keys && text.charCodeAt(offset) === QUOTE) top.at = keyOf(text, offset, stringEnd(text, offset)) ?? '';
  return pathOf(levels, root);
}

/** `JSON.parse`, after {@link checkJson}. */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH, root = 'body'): unknown {
  checkJson(text, maxDepth, root);
  return JSON.parse(text);
}
