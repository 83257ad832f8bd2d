import { Inject, Injectable } from '@nestjs/common';
import { Saga, ofType, type ICommand, type IEvent } from '@nestjs/cqrs';
import { filter, map, mergeMap, race, share, take, timer, type Observable } from 'rxjs';
import { transferStep } from '../../../../libs/ledger/src';
import type { LedgerConfig } from '../config';
import { EventCommitted } from '../events/event-committed.event';
import { CONFIG } from '../ledger/ledger.module';
import { CompleteTransfer } from './complete-transfer.command';

/** How long a transfer's first step waits for its second before the saga takes it (30 s, the idempotency lease). */
export const TRANSFER_GRACE_MS = 30_000;

/**
 * Money between two allocations is two appends (libs/ledger/src/commands/allocations/transfers.ts).
 * The request that made the first step takes the second at once, since its answer says the money
 * arrived; this saga is the process manager behind it. It watches every committed first step for
 * its second, and if none is committed within the grace period (the process that began it died,
 * or its second append failed) it takes the second step itself. Any API process may be the one:
 * every process sees every committed event, and the second step is idempotent, so two processes
 * taking it, or the saga and a slow request, record it once. What a process left half-done before
 * this one started is finished at start (`recoverPendingTransfers`).
 */
@Injectable()
export class HalfDoneTransfersSaga {
  constructor(@Inject(CONFIG) private readonly config: LedgerConfig) {}

  @Saga()
  halfDone = (events$: Observable<IEvent>): Observable<ICommand> => {
    const steps$ = events$.pipe(
      ofType(EventCommitted),
      map((c) => transferStep(c.event)),
      filter((s) => s !== null),
      share(),
    );
    const grace = this.config.transferGraceMs ?? TRANSFER_GRACE_MS;
    return steps$.pipe(
      filter((s) => s.step === 'first'),
      mergeMap((first) =>
        race(
          steps$.pipe(
            filter((s) => s.step === 'second' && s.transferId === first.transferId),
            take(1),
            map(() => null),
          ),
          timer(grace).pipe(map(() => new CompleteTransfer(first.transferId))),
        ),
      ),
      filter((command) => command !== null),
    );
  };
}
