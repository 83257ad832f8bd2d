import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WRITE_BUFFER = 1 << 20;
const READ_BUFFER = 1 << 20;

/**
 * Lines written once and read back once, in order: the decided appends of an import wait here
 * until every row has been checked. Kept in memory up to `memoryLimit` bytes, then spilled to a
 * temporary file, so a province-sized file costs disk rather than heap.
 */
export class Spool {
  private lines: string[] = [];
  private bytes = 0;
  private file: { dir: string; fd: number } | null = null;
  private buffer = '';
  /** Byte offset of every line in the file the spool is, or would be, spilled to. */
  private offsets = new Float64Array(1024);
  private written = 0;
  count = 0;

  constructor(private readonly memoryLimit = 4 << 20) {}

  /** Appends a line and returns its sequence number (from 0). */
  push(line: string): number {
    const seq = this.count;
    if (seq === this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[seq] = this.written;
    this.written += Buffer.byteLength(line) + 1;
    this.count += 1;
    if (this.file) {
      this.buffer += line + '\n';
      if (this.buffer.length >= WRITE_BUFFER) this.drain();
      return seq;
    }
    this.lines.push(line);
    this.bytes += line.length;
    if (this.bytes > this.memoryLimit) {
      const dir = mkdtempSync(join(tmpdir(), 'ledger-import-'));
      this.file = { dir, fd: openSync(join(dir, 'spool.ndjson'), 'w+') };
      this.buffer = this.lines.join('\n') + '\n';
      this.lines = [];
      this.drain();
    }
    return seq;
  }

  /** One line by its sequence number: the rare look back at a household named twice in a file. */
  readAt(seq: number): string {
    if (!this.file) return this.lines[seq]!;
    this.drain();
    const start = this.offsets[seq]!;
    const end = seq + 1 < this.count ? this.offsets[seq + 1]! : this.written;
    const buf = Buffer.allocUnsafe(end - start - 1);
    readSync(this.file.fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  }

  get spilled(): boolean {
    return this.file !== null;
  }

  /** Read synchronously, so a store can consume it inside one synchronous transaction. */
  *read(): Generator<string, void, undefined> {
    if (!this.file) {
      yield* this.lines;
      return;
    }
    this.drain();
    const buf = Buffer.allocUnsafe(READ_BUFFER);
    let position = 0;
    let rest = '';
    for (;;) {
      const n = readSync(this.file.fd, buf, 0, READ_BUFFER, position);
      if (n === 0) break;
      position += n;
      // Lines are JSON from JSON.stringify, so multi-byte characters may straddle chunks: decode on a line boundary.
      const lastNl = buf.lastIndexOf(10, n - 1);
      if (lastNl === -1) {
        rest += buf.toString('latin1', 0, n);
        continue;
      }
      const text = (rest.length > 0 ? Buffer.concat([Buffer.from(rest, 'latin1'), buf.subarray(0, lastNl)]) : buf.subarray(0, lastNl)).toString('utf8');
      rest = buf.toString('latin1', lastNl + 1, n);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      yield text.slice(start);
    }
    if (rest.length > 0) yield Buffer.from(rest, 'latin1').toString('utf8');
  }

  dispose(): void {
    this.lines = [];
    if (this.file) {
      closeSync(this.file.fd);
      rmSync(this.file.dir, { recursive: true, force: true });
      this.file = null;
    }
  }

  private drain(): void {
    if (!this.file || this.buffer.length === 0) return;
    writeSync(this.file.fd, this.buffer);
    this.buffer = '';
  }
}
