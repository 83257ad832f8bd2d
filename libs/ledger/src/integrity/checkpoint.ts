import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { isHead, type ChainHead } from './verify-chain';

/**
 * A head of the log signed by someone outside the database. The chain alone shows that rows were
 * edited; a checkpoint also shows that the log was rewritten wholesale and re-chained, or cut short,
 * since nobody holding only the database can forge the signature.
 */
export type Checkpoint = Readonly<{
  position: number;
  hash: string;
  signedAt: string;
  algorithm: 'Ed25519';
  /** Lets the file be checked on its own; who signed it is only known against a key held elsewhere. */
  publicKey: string;
  signature: string;
}>;

export type CheckpointKeys = Readonly<{ privateKey: string; publicKey: string }>;

export type CheckpointVerification = Readonly<{ ok: true; checkpoint: Checkpoint; trustedKey: boolean }> | Readonly<{ ok: false; problem: string }>;

export function generateCheckpointKeys(): CheckpointKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function signCheckpoint(head: ChainHead, privateKeyPem: string, signedAt: Date = new Date()): Checkpoint {
  if (!isHead(head)) throw new TypeError('signCheckpoint: head needs an integer position >= 0 and a 64-digit hex hash');
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`signCheckpoint: expected an Ed25519 private key, got ${key.asymmetricKeyType}`);
  const body = { position: head.position, hash: head.hash, signedAt: signedAt.toISOString() };
  return {
    ...body,
    algorithm: 'Ed25519',
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, signedBytes(body), key).toString('base64'),
  };
}

/**
 * Checks the signature, against `publicKeyPem` when given. Without it, only that the file is
 * unaltered since someone signed it is shown (`trustedKey: false`): anyone can sign with a key of
 * their own.
 */
export function verifyCheckpoint(checkpoint: unknown, publicKeyPem?: string): CheckpointVerification {
  const shape = checkShape(checkpoint);
  if (typeof shape === 'string') return { ok: false, problem: shape };
  const cp = shape;
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem ?? cp.publicKey);
  } catch (error) {
    return { ok: false, problem: `${publicKeyPem === undefined ? "the checkpoint's" : 'the given'} public key cannot be read: ${messageOf(error)}` };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { ok: false, problem: `expected an Ed25519 public key, got ${key.asymmetricKeyType}` };
  if (publicKeyPem !== undefined && !sameKey(key, cp.publicKey)) {
    return { ok: false, problem: 'the checkpoint was signed with a different key than the one given' };
  }
  const good = verify(null, signedBytes(cp), key, Buffer.from(cp.signature, 'base64'));
  return good ? { ok: true, checkpoint: cp, trustedKey: publicKeyPem !== undefined } : { ok: false, problem: 'the signature does not match the checkpoint' };
}

export function parseCheckpoint(json: string): Checkpoint {
  const value: unknown = JSON.parse(json);
  const shape = checkShape(value);
  if (typeof shape === 'string') throw new Error(`not a checkpoint: ${shape}`);
  return shape;
}

function signedBytes(cp: Readonly<{ position: number; hash: string; signedAt: string }>): Buffer {
  return Buffer.from(canonicalJson({ position: cp.position, hash: cp.hash, signedAt: cp.signedAt }), 'utf8');
}

function checkShape(value: unknown): Checkpoint | string {
  if (!isHead(value)) return 'position must be an integer >= 0 and hash 64 hex digits';
  const v = value as Record<string, unknown>;
  if (typeof v.signedAt !== 'string' || Number.isNaN(Date.parse(v.signedAt))) return 'signedAt must be an ISO timestamp';
  if (v.algorithm !== 'Ed25519') return `unsupported algorithm ${JSON.stringify(v.algorithm)}`;
  if (typeof v.publicKey !== 'string') return 'publicKey must be a PEM string';
  if (typeof v.signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(v.signature)) return 'signature must be base64';
  return {
    position: v.position as number,
    hash: v.hash as string,
    signedAt: v.signedAt,
    algorithm: 'Ed25519',
    publicKey: v.publicKey,
    signature: v.signature,
  };
}

function sameKey(key: KeyObject, pem: string): boolean {
  try {
    return createPublicKey(pem).equals(key);
  } catch {
    return false;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
