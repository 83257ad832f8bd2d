import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM: confidentiality and integrity of one household's personal fields. The associated
 * data binds a sealed value to its household and event type, so a value copied onto another
 * household's event does not open.
 */
const ALGORITHM = 'aes-256-gcm';
const PREFIX = 'A256GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export type Sealed = string;

export const newKey = (): Buffer => randomBytes(KEY_BYTES);

export const isSealed = (value: unknown): value is Sealed => typeof value === 'string' && value.startsWith(`${PREFIX}.`);

export function seal(key: Buffer, plaintext: string, associated: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [PREFIX, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plaintext, or an error when the key, the associated data or a byte of the value is wrong. */
export function open(key: Buffer, sealed: Sealed, associated: string): string {
  const [prefix, iv, body, tag, ...rest] = sealed.split('.');
  if (prefix !== PREFIX || iv === undefined || body === undefined || tag === undefined || rest.length > 0) throw new Error('not a sealed value');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
