import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** One data row of an import file, with the line it started on (1-based, header included). */
export type RawRow = Readonly<{
  line: number;
  fields: Readonly<Record<string, unknown>>;
  /** Set by a parser when the line itself cannot be read (malformed JSON, wrong cell count). */
  error?: Readonly<{ field: string; message: string }>;
}>;

/** Rows as a parser yields them; `sha256()` is the digest of the raw bytes, valid once the rows are exhausted. */
export type RowStream = AsyncGenerator<RawRow, void, undefined> & Readonly<{ sha256: () => string }>;

export type Line = Readonly<{ number: number; text: string }>;

/** A byte stream read once, hashed as it passes, so that a re-sent file is recognised without a second read. */
export class HashedBytes {
  private readonly hash: Hash = createHash('sha256');
  private digest: string | null = null;

  constructor(private readonly stream: Readable) {}

  sha256(): string {
    if (this.digest === null) throw new Error('the content hash is known only after the whole input has been read');
    return this.digest;
  }

  async *chunks(): AsyncGenerator<Buffer, void, undefined> {
    for await (const chunk of this.stream as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.hash.update(buf);
      yield buf;
    }
    this.digest = this.hash.digest('hex');
  }

  /** Stops reading: the consumer gave up (the digest stays unknown). */
  abandon(): void {
    this.stream.destroy();
  }
}

/** Splits a byte stream into lines without holding more than one chunk and one partial line. */
export class LineReader extends HashedBytes {
  async *lines(): AsyncGenerator<Line, void, undefined> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let number = 0;
    for await (const buf of this.chunks()) {
      const text = rest + decoder.write(buf);
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        number += 1;
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        yield { number, text: text.slice(start, end) };
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest.length > 0) yield { number: number + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
  }
}

export function rowStream(reader: HashedBytes, rows: AsyncGenerator<RawRow, void, undefined>): RowStream {
  return Object.assign(rows, { sha256: () => reader.sha256() });
}
