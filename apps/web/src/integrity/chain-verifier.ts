/**
 * The hash chain and checkpoint signature checked in the browser, so that an inspector need not
 * take the server's word for its own integrity. Written apart from the server's code on purpose
 * (libs/ledger/src/integrity), to the same definition, and tested against chains the server makes
 * (test/web/chain-verifier.unit.spec.ts): hash(n) = SHA-256(hash(n−1) ‖ "\n" ‖ canonical JSON of
 * position, id, streamId, revision, type, schemaVersion, data and metadata), genesis = 64 zeros; a
 * checkpoint is Ed25519 over the canonical JSON of {position, hash, signedAt}.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** The part of WebCrypto used here; `crypto.subtle` in a browser (secure contexts only) and in Node. */
export interface Subtle {
  digest(algorithm: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  importKey(format: 'spki', keyData: Uint8Array<ArrayBuffer>, algorithm: { name: string }, extractable: boolean, keyUsages: ['verify']): Promise<CryptoKeyLike>;
  verify(algorithm: { name: string }, key: CryptoKeyLike, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean>;
}
// Opaque to this module: whatever importKey returns is handed back to verify.
type CryptoKeyLike = object;

export type ChainRecord = Readonly<{
  position: number;
  id: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  hash: string;
}>;

export type ChainHead = Readonly<{ position: number; hash: string }>;

export type Checkpoint = ChainHead & Readonly<{ signedAt: string; algorithm: 'Ed25519'; publicKey: string; signature: string }>;

/** Where a chain breaks and why; the page says it in the reader's language from `kind` and its values. */
export type ChainBreak =
  | Readonly<{ kind: 'position_order'; position: number; previous: number }>
  | Readonly<{ kind: 'position_gap'; position: number; found: number }>
  | Readonly<{ kind: 'revision_gap' | 'revision_duplicate'; position: number; streamId: string; revision: number; expected: number }>
  | Readonly<{ kind: 'hash_mismatch'; position: number; id: string; streamId: string; stored: string; computed: string }>
  | Readonly<{ kind: 'checkpoint_mismatch'; position: number; stored: string; signed: string }>
  | Readonly<{ kind: 'truncated'; position: number; last: number; checkpoint: number }>;

export type ChainCheck =
  Readonly<{ ok: true; head: ChainHead; events: number }> | Readonly<{ ok: false; problem: ChainBreak; events: number; intactUpTo: number }>;

/** JSON with object keys sorted at every depth and undefined members dropped, as the server hashes it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const members: string[] = [];
  // Default sort: UTF-16 code units, the order the server's sort gives.
  for (const k of Object.keys(obj).sort()) if (obj[k] !== undefined) members.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
  return `{${members.join(',')}}`;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export async function chainHash(subtle: Subtle, previousHash: string, e: ChainRecord): Promise<string> {
  const body = canonicalJson({
    position: e.position,
    id: e.id,
    streamId: e.streamId,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
  });
  return hex(await subtle.digest('SHA-256', utf8(`${previousHash}\n${body}`)));
}

/**
 * Walks the log from genesis, page by page, and stops at the first broken link: structure
 * (positions, stream revisions) before the hash, as the server's verifier does, so that a row
 * moved by someone who knew to recompute hashes is named for what it is. The whole log is walked
 * even with a checkpoint: an edit before it that was not re-chained leaves the checkpoint's hash
 * in place and would otherwise go unseen; the checkpoint adds a log rewritten and re-chained, or
 * cut short.
 */
export async function verifyChain(
  subtle: Subtle,
  pages: AsyncIterable<readonly ChainRecord[]>,
  since?: ChainHead,
  onProgress?: (position: number) => void,
): Promise<ChainCheck> {
  let prev: ChainHead = { position: 0, hash: GENESIS_HASH };
  let events = 0;
  const revisions = new Map<string, number>();
  const fail = (problem: ChainBreak): ChainCheck => ({ ok: false, problem, events, intactUpTo: prev.position });
  if (since && since.position === 0 && since.hash !== GENESIS_HASH)
    return fail({ kind: 'checkpoint_mismatch', position: 0, stored: GENESIS_HASH, signed: since.hash });

  for await (const page of pages) {
    for (const e of page) {
      const expected = prev.position + 1;
      if (!Number.isSafeInteger(e.position) || e.position < expected) return fail({ kind: 'position_order', position: e.position, previous: prev.position });
      if (e.position > expected) return fail({ kind: 'position_gap', position: expected, found: e.position });

      const last = revisions.get(e.streamId);
      const want = last === undefined ? 0 : last + 1;
      if (e.revision !== want) {
        const kind = last !== undefined && e.revision <= last ? 'revision_duplicate' : 'revision_gap';
        return fail({ kind, position: e.position, streamId: e.streamId, revision: e.revision, expected: want });
      }

      const computed = await chainHash(subtle, prev.hash, e);
      if (computed !== e.hash) return fail({ kind: 'hash_mismatch', position: e.position, id: e.id, streamId: e.streamId, stored: e.hash, computed });
      if (since && e.position === since.position && e.hash !== since.hash)
        return fail({ kind: 'checkpoint_mismatch', position: e.position, stored: e.hash, signed: since.hash });

      revisions.set(e.streamId, e.revision);
      prev = { position: e.position, hash: e.hash };
      events += 1;
    }
    onProgress?.(prev.position);
  }
  if (since && prev.position < since.position) return fail({ kind: 'truncated', position: prev.position + 1, last: prev.position, checkpoint: since.position });
  return { ok: true, head: prev, events };
}

export type CheckpointProblem = 'not_json' | 'not_checkpoint' | 'key_unreadable' | 'different_key' | 'bad_signature' | 'ed25519_unsupported';

/** A checkpoint file's shape, as `ledger checkpoint sign` writes it. */
export function parseCheckpoint(text: string): Checkpoint | CheckpointProblem {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return 'not_json';
  }
  const ok =
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.position) &&
    (v.position as number) >= 0 &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    typeof v.signedAt === 'string' &&
    !Number.isNaN(Date.parse(v.signedAt)) &&
    v.algorithm === 'Ed25519' &&
    typeof v.publicKey === 'string' &&
    typeof v.signature === 'string' &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(v.signature);
  if (!ok) return 'not_checkpoint';
  return {
    position: v.position as number,
    hash: v.hash as string,
    signedAt: v.signedAt as string,
    algorithm: 'Ed25519',
    publicKey: v.publicKey as string,
    signature: v.signature as string,
  };
}

function base64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The DER inside a PEM "PUBLIC KEY" block; null when there is none. */
export function pemBody(pem: string): Uint8Array<ArrayBuffer> | null {
  const m = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!m) return null;
  try {
    return base64(m[1]!.replace(/\s+/g, ''));
  } catch {
    return null;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The checkpoint's signature against the inspector's own public key (not the one the file
 * carries: anyone can sign with a key of their own).
 */
export async function verifyCheckpointSignature(
  subtle: Subtle,
  cp: Checkpoint,
  publicKeyPem: string,
): Promise<{ ok: true } | { ok: false; problem: CheckpointProblem }> {
  const der = pemBody(publicKeyPem);
  if (der === null) return { ok: false, problem: 'key_unreadable' };
  let key: CryptoKeyLike;
  try {
    key = await subtle.importKey('spki', der, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    // A browser older than Ed25519 in WebCrypto (Chrome 137, Firefox 129, Safari 17) says so, not "bad key".
    return { ok: false, problem: (e as { name?: unknown }).name === 'NotSupportedError' ? 'ed25519_unsupported' : 'key_unreadable' };
  }
  const carried = pemBody(cp.publicKey);
  if (carried !== null && !sameBytes(carried, der)) return { ok: false, problem: 'different_key' };
  const signed = utf8(canonicalJson({ position: cp.position, hash: cp.hash, signedAt: cp.signedAt }));
  let good: boolean;
  try {
    good = await subtle.verify({ name: 'Ed25519' }, key, base64(cp.signature), signed);
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, problem: 'bad_signature' };
}
