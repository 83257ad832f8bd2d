import { Module } from '@nestjs/common';
import { GetAuditTrailHandler } from './get-audit-trail/get-audit-trail.handler';
import { GetAuditTrailController } from './get-audit-trail/get-audit-trail.http';

@Module({ controllers: [GetAuditTrailController], providers: [GetAuditTrailHandler] })
export class AuditModule {}
