import type Database from 'better-sqlite3';
import type { Doc, IndexQuery, Scalar, ScanPage } from '../../../ledger/src/ports/read-store.port';
import { openReadModels } from './sqlite-projector';

/** The read side of the read-model file, on a connection of its own (WAL readers never wait for the projector). */
export class SqliteReadModels {
  readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    // Point reads and short scans: SQLite's page cache matters less here than the OS's.
    this.db = openReadModels(file, 8192);
    this.stmt = {
      getDoc: this.db.prepare<[string, string], { body: string }>('SELECT body FROM documents WHERE collection = ? AND id = ?'),
      getDocAt: this.db.prepare<[string, string, number], { body: string }>(
        'SELECT body FROM document_versions WHERE collection = ? AND id = ? AND position <= ? ORDER BY position DESC LIMIT 1',
      ),
      position: this.db.prepare<[], { position: number }>('SELECT position FROM projection_state WHERE id = 1'),
    };
  }

  get<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt.getDoc.get(collection, id);
    return row ? (JSON.parse(row.body) as T) : null;
  }

  find<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>> = {}): T[] {
    const { sql, params } = whereClause(where, 'body');
    const rows = this.db.prepare(`SELECT body FROM documents WHERE collection = ?${sql}`).all(collection, ...params) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as T);
  }

  scan<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number): ScanPage<T> {
    const { sql, params } = whereClause(where, 'body');
    const rows = this.db
      .prepare(`SELECT id, body FROM documents WHERE collection = ? AND id > ?${sql} ORDER BY id LIMIT ?`)
      .all(collection, afterId ?? '', ...params, limit) as { id: string; body: string }[];
    return { docs: rows.map((r) => JSON.parse(r.body) as T), next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  scanAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, afterId: string | null, limit: number, position: number): ScanPage<T> {
    const { sql, params } = whereClause(where, 'd.body');
    const rows = this.db
      .prepare(
        'SELECT d.id AS id, (SELECT v.body FROM document_versions v WHERE v.collection = d.collection AND v.id = d.id AND v.position <= ? ORDER BY v.position DESC LIMIT 1) AS body' +
          ` FROM documents d WHERE d.collection = ? AND d.id > ?${sql} ORDER BY d.id LIMIT ?`,
      )
      .all(position, collection, afterId ?? '', ...params, limit) as { id: string; body: string | null }[];
    const docs: T[] = [];
    for (const r of rows) {
      if (r.body === null) continue;
      const doc = JSON.parse(r.body) as T;
      if (Object.entries(where).every(([f, v]) => ((doc as Record<string, unknown>)[f] ?? null) === v)) docs.push(doc);
    }
    return { docs, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  queryIndex(q: IndexQuery, head: number): number[] {
    if (q.keys.length === 0) {
      // Every event: positions are dense, so no table is needed to list them.
      const out: number[] = [];
      for (let p = q.afterPosition + 1; p <= head && out.length < q.limit; p++) out.push(p);
      return out;
    }
    const [first, ...rest] = q.keys;
    const sql =
      'SELECT k.position FROM audit_keys k WHERE k.key = ? AND k.position > ?' +
      rest.map(() => ' AND EXISTS (SELECT 1 FROM audit_keys o WHERE o.key = ? AND o.position = k.position)').join('') +
      ' ORDER BY k.position LIMIT ?';
    const rows = this.db.prepare(sql).all(first, q.afterPosition, ...rest, q.limit) as { position: number }[];
    return rows.map((r) => r.position);
  }

  /** The log position the read models reflect. */
  position(): number {
    return this.stmt.position.get()?.position ?? 0;
  }

  getAt<T extends Doc>(collection: string, id: string, position: number): T | null {
    const row = this.stmt.getDocAt.get(collection, id, position);
    return row ? (JSON.parse(row.body) as T) : null;
  }

  findAt<T extends Doc>(collection: string, where: Readonly<Record<string, Scalar>>, position: number): T[] {
    // Candidates by the current documents (the fields of `where` never change), then one seek each.
    const { sql, params } = whereClause(where, 'd.body');
    const rows = this.db
      .prepare(
        'SELECT (SELECT v.body FROM document_versions v WHERE v.collection = d.collection AND v.id = d.id AND v.position <= ? ORDER BY v.position DESC LIMIT 1) AS body' +
          ` FROM documents d WHERE d.collection = ?${sql}`,
      )
      .all(position, collection, ...params) as { body: string | null }[];
    const out: T[] = [];
    for (const r of rows) {
      if (r.body === null) continue;
      const doc = JSON.parse(r.body) as T;
      if (Object.entries(where).every(([f, v]) => ((doc as Record<string, unknown>)[f] ?? null) === v)) out.push(doc);
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}

function whereClause(where: Readonly<Record<string, Scalar>>, body: string): { sql: string; params: unknown[] } {
  let sql = '';
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (!/^[A-Za-z0-9_]+$/.test(field)) throw new Error(`find: bad field name '${field}'`);
    if (value === null) sql += ` AND json_extract(${body}, '$.${field}') IS NULL`;
    else {
      sql += ` AND json_extract(${body}, '$.${field}') = ?`;
      params.push(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  return { sql, params };
}
