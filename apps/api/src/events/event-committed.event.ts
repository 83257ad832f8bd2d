import type { IEvent } from '@nestjs/cqrs';
import type { StoredEvent } from '../../../../libs/ledger/src';

/**
 * One event of the log, published on the EventBus once it is committed and the read models reflect
 * it. One class for every ledger event: `ofType` matches by class, and the ledger's own type name
 * (`event.type`, never a constructor's name) says which one it is.
 */
export class EventCommitted implements IEvent {
  constructor(readonly event: StoredEvent) {}
}
