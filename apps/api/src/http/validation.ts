import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function flatten(errors: readonly ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => ({ field, message: m.replace(/^property (\S+) should not exist$/, 'is not a known field') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields are refused; every message names its field, nested ones with a dotted path. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => {
    const list = flatten(errors);
    const first = list[0] ?? { field: 'body', message: 'is invalid' };
    return new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: list.map((e) => `${e.field}: ${e.message}`).join('; ') || `${first.field}: ${first.message}`,
      details: { field: first.field, errors: list },
    });
  },
});
