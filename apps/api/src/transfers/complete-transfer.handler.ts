import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TRANSFERS, appContext, completeTransfer, type AppContext, type LedgerMetadata, type TransferDoc } from '../../../../libs/ledger/src';
import { uuidv7 } from '../../../../libs/ledger/src/commands/ids';
import { IntegrityMonitor } from '../integrity/integrity-monitor';
import { LedgerService } from '../ledger/ledger.service';
import { CompleteTransfer } from './complete-transfer.command';

/** The second step is recorded as the first step's actor and request: its retry gets the answer it would have had. */
export const onBehalfOf = (original: LedgerMetadata): AppContext =>
  appContext({
    principal: { userId: original.actor.userId, role: original.actor.role, units: [] },
    now: new Date().toISOString(),
    newId: uuidv7,
    correlationId: original.correlationId,
    causationId: original.causationId,
    idempotency: original.idempotencyKey && original.requestHash ? { key: original.idempotencyKey, requestHash: original.requestHash } : null,
  });

@CommandHandler(CompleteTransfer)
export class CompleteTransferHandler implements ICommandHandler<CompleteTransfer> {
  private readonly logger = new Logger('Transfers');

  constructor(
    private readonly ledger: LedgerService,
    private readonly integrity: IntegrityMonitor,
  ) {}

  async execute({ transferId }: CompleteTransfer): Promise<boolean> {
    const transfer = await this.ledger.reads.get<TransferDoc>(TRANSFERS, transferId);
    if (transfer === null || transfer.status !== 'pending') return false;
    // Nothing is chained onto a log known to be tampered with; the next start finishes it.
    if (this.integrity.brokenAt() !== null) return false;
    await completeTransfer(this.ledger.runner, transfer, onBehalfOf);
    this.logger.warn(`transfer ${transferId} (${transfer.kind} of ${transfer.childAllocationId}) was left half-done; its second step is now recorded`);
    return true;
  }
}
