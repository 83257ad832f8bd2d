import type { FastifyInstance } from 'fastify';
import type { IntegrityMonitor } from './integrity-monitor';

export const INTEGRITY_HEADER = 'Ledger-Integrity';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Once the chain is known broken: a write is refused before anything of it runs (its events
 * would be chained onto a tampered log and vouch for it), and every read says what it comes
 * from. A Fastify hook rather than a Nest guard so that it also covers what Nest does not route.
 */
export function guardIntegrity(fastify: FastifyInstance, monitor: IntegrityMonitor): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const broken = monitor.brokenAt();
    if (broken === null) return;
    void reply.header(INTEGRITY_HEADER, broken);
    if (READS.has(request.method)) return;
    return reply.status(503).send({
      statusCode: 503,
      code: 'INTEGRITY_BROKEN',
      message: `the ledger's hash chain is ${broken}: nothing is recorded until the log is restored from a verified backup`,
    });
  });
}
