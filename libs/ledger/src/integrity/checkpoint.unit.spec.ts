import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { generateCheckpointKeys, parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint';

const head = { position: 42, hash: 'c'.repeat(64) };
const keys = generateCheckpointKeys();
const signedAt = new Date('2024-06-30T10:00:00.000Z');

describe('checkpoints', () => {
  it('signs the canonical JSON of position, hash and time with Ed25519', () => {
    const cp = signCheckpoint(head, keys.privateKey, signedAt);
    expect(cp).toMatchObject({ position: 42, hash: head.hash, signedAt: '2024-06-30T10:00:00.000Z', algorithm: 'Ed25519', publicKey: keys.publicKey });
    expect(Buffer.from(cp.signature, 'base64')).toHaveLength(64);
    expect(canonicalJson({ signedAt: cp.signedAt, hash: cp.hash, position: cp.position })).toBe(
      `{"hash":"${head.hash}","position":42,"signedAt":"2024-06-30T10:00:00.000Z"}`,
    );
  });

  it('verifies against the carried key or a given one, and survives a JSON round trip', () => {
    const cp = parseCheckpoint(JSON.stringify(signCheckpoint(head, keys.privateKey, signedAt), null, 2));
    expect(verifyCheckpoint(cp)).toEqual({ ok: true, checkpoint: cp, trustedKey: false });
    expect(verifyCheckpoint(cp, keys.publicKey)).toEqual({ ok: true, checkpoint: cp, trustedKey: true });
  });

  it('refuses any altered field', () => {
    const cp = signCheckpoint(head, keys.privateKey, signedAt);
    for (const altered of [
      { position: 43 },
      { hash: 'd'.repeat(64) },
      { signedAt: '2024-06-30T10:00:01.000Z' },
      { signature: Buffer.alloc(64).toString('base64') },
    ]) {
      expect(verifyCheckpoint({ ...cp, ...altered }, keys.publicKey)).toMatchObject({ ok: false });
      expect(verifyCheckpoint({ ...cp, ...altered })).toMatchObject({ ok: false });
    }
  });

  it('refuses malformed checkpoints and keys', () => {
    const cp = signCheckpoint(head, keys.privateKey, signedAt);
    expect(verifyCheckpoint(null)).toMatchObject({ ok: false });
    expect(verifyCheckpoint({ ...cp, algorithm: 'RSA' })).toMatchObject({ ok: false, problem: expect.stringMatching(/algorithm/) });
    expect(verifyCheckpoint({ ...cp, hash: 'x' })).toMatchObject({ ok: false });
    expect(verifyCheckpoint(cp, 'not a key')).toMatchObject({ ok: false, problem: expect.stringMatching(/given public key/) });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyCheckpoint(cp, rsa)).toMatchObject({ ok: false, problem: expect.stringMatching(/Ed25519/) });
    expect(() => parseCheckpoint('{"position":1}')).toThrow(/not a checkpoint/);
    expect(() => signCheckpoint({ position: -1, hash: head.hash }, keys.privateKey)).toThrow(TypeError);
  });

  it('needs an Ed25519 private key to sign', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signCheckpoint(head, rsa)).toThrow(/Ed25519/);
  });
});
