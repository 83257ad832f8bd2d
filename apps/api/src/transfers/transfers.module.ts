import { Module } from '@nestjs/common';
import { IntegrityModule } from '../integrity/integrity.module';
import { CompleteTransferHandler } from './complete-transfer.handler';
import { HalfDoneTransfersSaga } from './half-done-transfers.saga';

@Module({ imports: [IntegrityModule], providers: [CompleteTransferHandler, HalfDoneTransfersSaga] })
export class TransfersModule {}
