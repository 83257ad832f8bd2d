import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ledger:public';
/** Routes that need no bearer token (the health check, the API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
