import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AllocationsModule } from './allocations/allocations.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { AuditModule } from './audit/audit.module';
import { ChangesModule } from './changes/changes.module';
import { EventsModule } from './events/events.module';
import { DEFAULT_AUTH_FAILURES_PER_MINUTE, type LedgerConfig } from './config';
import { HealthModule } from './health/health.module';
import { HouseholdsModule } from './households/households.module';
import { ImportsModule } from './imports/imports.module';
import { AuthGuard } from './http/auth.guard';
import { AuthFailures } from './http/auth-failures';
import { ConsistencyInterceptor } from './http/consistency.interceptor';
import { ErrorFilter } from './http/error.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { IntegrityModule } from './integrity/integrity.module';
import { validationPipe } from './http/validation';
import { LedgerModule } from './ledger/ledger.module';
import { ProgramsModule } from './programs/programs.module';
import { ReportsModule } from './reports/reports.module';
import { TraceModule } from './trace/trace.module';
import { TransfersModule } from './transfers/transfers.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        LedgerModule.forRoot(config),
        HealthModule,
        UsersModule,
        UnitsModule,
        ProgramsModule,
        AllocationsModule,
        ApprovalsModule,
        HouseholdsModule,
        ImportsModule,
        AuditModule,
        ChangesModule,
        TraceModule,
        IntegrityModule,
        ReportsModule,
        EventsModule,
        TransfersModule,
      ],
      providers: [
        { provide: AuthFailures, useValue: new AuthFailures(config.authFailuresPerMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
