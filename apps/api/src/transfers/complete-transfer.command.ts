import { Command } from '@nestjs/cqrs';

/** Take the second step of a transfer whose first is committed; answers whether there was one to take. */
export class CompleteTransfer extends Command<boolean> {
  constructor(readonly transferId: string) {
    super();
  }
}
