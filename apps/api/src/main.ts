import { createApp } from './app.factory';
import { configFromEnv } from './config';

async function main(): Promise<void> {
  const config = configFromEnv();
  const host = config.host ?? '127.0.0.1';
  const { app, generatedAdminToken } = await createApp(config);
  await app.listen({ port: config.port, host });
  if (generatedAdminToken) {
    // Printed once: only its hash is kept.
    process.stdout.write(`\nNo users existed, so an administrator was created.\nAdmin token (shown once, keep it safe): ${generatedAdminToken}\n\n`);
  }
  process.stdout.write(
    `Ledger listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${config.port} (HOST=${host}; data: ${config.dbFile}; docs: /api/docs)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`ledger failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
