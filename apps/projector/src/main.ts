import { createServer } from 'node:http';
import { EsdbEventStore } from '../../../libs/adapters/src/eventstoredb/esdb-event-store';
import { MongoReadStore } from '../../../libs/adapters/src/mongodb/mongo-read-store';
import { PROJECTIONS, auditKeys } from '../../../libs/ledger/src/projections';
import { Projector } from '../../../libs/ledger/src/projector/projector';

/**
 * The projection worker of the distributed mode: follows the EventStoreDB log from the checkpoint
 * stored in MongoDB and writes the read models there, a batch per transaction. Run one per
 * MongoDB database (a second one would only see its checkpoint updates refused). GET /health
 * answers {status, checkpoint, head, lag}; the log gets a line per batch and per failure.
 */
async function main(): Promise<void> {
  const env = process.env;
  const esdbUrl = env.LEDGER_EVENTSTORE_URL;
  const mongoUrl = env.LEDGER_MONGO_URL;
  if (!esdbUrl || !mongoUrl) throw new Error('the projector needs LEDGER_EVENTSTORE_URL and LEDGER_MONGO_URL');
  const port = Number(env.PROJECTOR_PORT ?? 3100);
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);

  const source = await EsdbEventStore.connect(esdbUrl);
  const sink = await MongoReadStore.connect(mongoUrl, { projections: PROJECTIONS, auditKeys });
  const projector = new Projector(source, sink, { batchSize: Number(env.PROJECTOR_BATCH ?? 500), log });

  const server = createServer((req, res) => {
    if (req.url !== '/health') {
      res.writeHead(404).end();
      return;
    }
    const s = projector.status();
    res.writeHead(s.lastError ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: s.lastError ? 'retrying' : 'ok', ...s }));
  });
  server.listen(port, '0.0.0.0');

  const abort = new AbortController();
  const stop = () => abort.abort();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const lagTimer = setInterval(
    () => {
      const s = projector.status();
      log(`projector: checkpoint ${s.checkpoint}, head ${s.head}, lag ${s.lag}${s.lastError ? `, last error: ${s.lastError}` : ''}`);
    },
    Number(env.PROJECTOR_LAG_LOG_MS ?? 30_000),
  );
  log(`projector: starting at checkpoint ${await sink.checkpoint()} (health on :${port}/health)`);
  await projector.run(abort.signal);
  clearInterval(lagTimer);
  server.close();
  await source.close();
  await sink.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
