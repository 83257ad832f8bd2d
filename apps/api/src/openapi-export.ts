import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createApp } from './app.factory';
import { openApiDocument } from './http/openapi-document';

/**
 * Writes the document the server serves at /api/docs-json, from an empty ledger in a temporary
 * folder that never listens: the console's client is generated from it during the build, so a drift between the
 * server and the console fails the build rather than a user's screen.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: openapi-export <output.json>');
  const dir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  const { app } = await createApp({ port: 0, dbFile: join(dir, 'ledger.db'), adminToken: 'openapi-export', logger: false, webDir: null });
  try {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi-export failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
