import { Module } from '@nestjs/common';
import { IntegrityModule } from '../integrity/integrity.module';
import { GetHealthController } from './get-health/get-health.http';

@Module({ imports: [IntegrityModule], controllers: [GetHealthController] })
export class HealthModule {}
