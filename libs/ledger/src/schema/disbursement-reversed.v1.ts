import { vietnamDay } from '../../../domain/src';
import type { Upcaster } from './upcasters';

/**
 * DisbursementReversed v1 → v2. Version 1 had no value date: a reversal took effect the day it was
 * recorded, which is the day (Asia/Ho_Chi_Minh) its metadata was stamped with.
 */
export const disbursementReversedV1: Upcaster = (e) => ({
  ...e,
  schemaVersion: 2,
  data: { ...e.data, valueDate: vietnamDay(e.metadata.recordedAt) },
});
