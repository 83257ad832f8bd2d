import { MAX_JSON_DEPTH, StrictJsonError, parseStrictJson } from './strict-json';

const refusal = (text: string): { field: string; reason: string } => {
  try {
    parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error(`accepted: ${text}`);
};

describe('parseStrictJson', () => {
  it('parses what JSON.parse parses when keys are distinct and nesting is shallow', () => {
    const text = '{"a":1,"b":[{"a":2},{"a":3}],"s":"{\\"a\\":1,\\"a\\":2} [[[ \\\\","c":{"a":{"a":null}}}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(parseStrictJson('[1,"x",true,null,{"k":[]}]')).toEqual([1, 'x', true, null, { k: [] }]);
  });

  it('refuses a key given twice in one object, at any depth, naming its path', () => {
    expect(refusal('{"amount":-5,"amount":1000}')).toEqual({ field: 'amount', reason: "the key 'amount' appears more than once in the same object" });
    expect(refusal('{"decision":{"number":"1","date":"2022-01-01","number":"2"}}').field).toBe('decision.number');
    expect(refusal('{"rows":[{"a":1},{"b":1,"b":2}]}').field).toBe('rows[1].b');
    // the same key written with an escape is the same key
    expect(refusal('{"amount":1,"\\u0061mount":2}').field).toBe('amount');
    expect(refusal('{ "a" : 1 , "a" : 2 }').field).toBe('a');
  });

  it('finds a duplicate among many keys, and many distinct keys pass', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`);
    expect(Object.keys(parseStrictJson(`{${keys.join(',')}}`) as object)).toHaveLength(100_000);
    expect(refusal(`{${keys.join(',')},"k99999":0}`).field).toBe('k99999');
    expect(refusal(`{${keys.slice(0, 20).join(',')},"k3":0}`).field).toBe('k3');
    // sibling objects at one depth, one after the other: each starts with no keys
    expect(parseStrictJson(`[{${keys.slice(0, 20).join(',')}},{${keys.slice(0, 20).join(',')}}]`)).toHaveLength(2);
    expect(refusal(`[{"a":1},{"b":{"a":1,"b":2},"a":2,"b":3}]`).field).toBe('[1].b');
  });

  it('refuses __proto__ and constructor keys', () => {
    expect(refusal('{"x":{"__proto__":{"admin":true}}}')).toEqual({ field: 'x.__proto__', reason: "the key '__proto__' is not allowed" });
    expect(refusal('{"constructor":{"prototype":{}}}').field).toBe('constructor');
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, however deep, without exhausting the stack`, () => {
    expect(parseStrictJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeDefined();
    expect(refusal('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)).reason).toBe(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(refusal(`{"x":${'['.repeat(100_000)}`).field).toMatch(/^x\[0\]/);
    expect(refusal(`{"x":${'{"y":'.repeat(100_000)}1${'}'.repeat(100_000)}}`).reason).toContain('levels deep');
  });

  it('leaves malformed JSON to JSON.parse', () => {
    for (const text of ['{"a":', '{"a":"unterminated', '{"\\x":1}', '}}}', '{"a" 1}', '']) expect(() => parseStrictJson(text)).toThrow(SyntaxError);
  });

  it('accepts equal keys in different objects (20,000 rows)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ household: `H${i}`, unit: 'MA-LI-PHO', members: 4, deprivations: ['nutrition', 'latrine'] }));
    expect((parseStrictJson(JSON.stringify(rows)) as unknown[]).length).toBe(20_000);
  });
});
