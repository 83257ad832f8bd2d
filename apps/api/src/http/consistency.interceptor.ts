import { HttpException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import { invalid } from '../../../../libs/domain/src';
import { waitForCheckpoint } from '../../../../libs/ledger/src/distributed/consistency';
import type { LedgerConfig } from '../config';
import { CONFIG } from '../ledger/ledger.module';
import { LedgerService } from '../ledger/ledger.service';

export const PROJECTION_LAGGING = 'PROJECTION_LAGGING';

/**
 * Read-your-writes across processes. Every command answers with the log position of its events; a
 * GET under /api/v1 with `?consistentWith=<position>` waits until the read models have reached it,
 * for at most LEDGER_CONSISTENCY_TIMEOUT_MS (5 s), then answers 503 PROJECTION_LAGGING with the
 * position they are at. Embedded, a write is answered once the read models reflect it, so a position
 * any write answered is served at once, and one past the log's head is refused at once (400). The
 * parameter is taken off the query before the route's validation sees it.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(
    private readonly ledger: LedgerService,
    @Inject(CONFIG) private readonly config: LedgerConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method: string; url: string; query?: Record<string, unknown> }>();
    const raw = request.query?.consistentWith;
    if (request.method !== 'GET' || !request.url.startsWith('/api/v1/') || raw === undefined) return next.handle();
    delete request.query!.consistentWith;
    if (Array.isArray(raw)) throw invalid('consistentWith', 'is given more than once; it takes one value');
    if (typeof raw !== 'string' || !/^(0|[1-9][0-9]{0,14})$/.test(raw)) throw invalid('consistentWith', 'must be a log position (a whole number)');
    const position = Number(raw);
    return from(this.wait(position)).pipe(
      switchMap((outcome) => {
        if (!outcome.ok) {
          throw new HttpException(
            {
              code: PROJECTION_LAGGING,
              message: `the read models are at position ${outcome.checkpoint}, not yet at ${position}; retry shortly`,
              details: { position: outcome.checkpoint, consistentWith: position },
            },
            503,
          );
        }
        return next.handle();
      }),
    );
  }

  /**
   * Embedded, the log is this process's own: a position past its head is one no write has answered
   * (a typo, or another ledger's position), refused at once rather than after the timeout. On a
   * shared log the head this process knows may trail a write another process just answered, so there
   * it is waited for like any other.
   */
  private async wait(position: number) {
    const timeout = this.config.consistencyTimeoutMs ?? 5000;
    if (this.config.eventStore !== 'eventstoredb' && (await this.ledger.reads.checkpoint()) < position) {
      const head = (await this.ledger.events.head()).position;
      if (position > head) throw invalid('consistentWith', `the log has reached position ${head}, not ${position}: no write has answered that position`);
    }
    return waitForCheckpoint(this.ledger.reads, position, timeout);
  }
}
