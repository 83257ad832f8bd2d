import { Query } from '@nestjs/cqrs';

export type IntegrityHead = { position: number; hash: string };

export class GetIntegrityHeadQuery extends Query<IntegrityHead> {}
