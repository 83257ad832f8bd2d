export type LedgerConfig = Readonly<{
  port: number;
  dbFile: string;
  adminToken: string | null;
  logger: boolean;
}>;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    dbFile: env.LEDGER_DB ?? 'data/ledger.db',
    adminToken: env.LEDGER_ADMIN_TOKEN && env.LEDGER_ADMIN_TOKEN.length > 0 ? env.LEDGER_ADMIN_TOKEN : null,
    logger: env.LEDGER_LOG !== 'off',
  };
}
