import { KEY_BYTES, isSealed, newKey, open, seal } from './personal-cipher';

describe('personal cipher (AES-256-GCM)', () => {
  const key = newKey();

  it('opens what it sealed, and nothing of the plaintext shows in the sealed value', () => {
    const sealed = seal(key, 'Giàng Thị Xúyên', 'HouseholdRegistered|H1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Giàng');
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('utf8')).not.toContain('Giàng');
    expect(open(key, sealed, 'HouseholdRegistered|H1')).toBe('Giàng Thị Xúyên');
  });

  it('makes 32-byte keys and a fresh nonce each time: the same name seals differently', () => {
    expect(key.length).toBe(KEY_BYTES);
    expect(newKey().equals(key)).toBe(false);
    expect(seal(key, 'Lò Văn Sình', 'a')).not.toBe(seal(key, 'Lò Văn Sình', 'a'));
  });

  it('refuses another key: a destroyed key cannot be stood in for', () => {
    const sealed = seal(key, 'Lò Văn Sình', 'HouseholdRegistered|H1');
    expect(() => open(newKey(), sealed, 'HouseholdRegistered|H1')).toThrow();
  });

  it("refuses a value moved onto another household's event (the associated data differs)", () => {
    const sealed = seal(key, 'Lò Văn Sình', 'HouseholdRegistered|H1');
    expect(() => open(key, sealed, 'HouseholdRegistered|H2')).toThrow();
  });

  it('refuses a value with one byte changed, or not sealed at all', () => {
    const sealed = seal(key, 'Lò Văn Sình', 'x');
    const [prefix, iv, body, tag] = sealed.split('.');
    const bytes = Buffer.from(body!, 'base64url');
    bytes[0] = bytes[0]! ^ 1;
    expect(() => open(key, [prefix, iv, bytes.toString('base64url'), tag].join('.'), 'x')).toThrow();
    expect(() => open(key, 'Lò Văn Sình', 'x')).toThrow('not a sealed value');
    expect(isSealed('Lò Văn Sình')).toBe(false);
    expect(isSealed(null)).toBe(false);
  });
});
