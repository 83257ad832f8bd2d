import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({ field, message: m.replace(/^property (\S+) should not exist$/, 'is not a known field') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function refusal(list: readonly { field: string; message: string }[]): BadRequestException {
  const first = list[0] ?? { field: 'body', message: 'is invalid' };
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: list.map((e) => `${e.field}: ${e.message}`).join('; ') || `${first.field}: ${first.message}`,
    details: { field: first.field, errors: list },
  });
}

/** class-transformer drops these keys without a word; a body never has them (json-body.ts), a query is told. */
const DROPPED_KEYS = ['__proto__', 'constructor'] as const;

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' && typeof value === 'object' && value !== null) {
      const dropped = DROPPED_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(value, k));
      if (dropped.length > 0) throw refusal(dropped.map((field) => ({ field, message: 'is not a known field' })));
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused; every message names its field, nested ones with a dotted path. */
export const validationPipe = new StrictValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => refusal(flatten(errors)),
});
