import { DomainError } from '../../../../domain/src';
import { parseAdjustAllocation } from './adjust-allocation';
import { parseGrantAllocation } from './grant-allocation';
import { parseRecordDisbursement } from './record-disbursement';
import { parseRecordNote } from './record-note';
import { parseReverseDisbursement } from './reverse-disbursement';

/*
 * The shape of every allocation command, checked once at the edge (HTTP, import, command line)
 * before a decider sees it: the deciders' specs cover the business rules only.
 */

const DECISION = { number: '747/QĐ-UBND', date: '2022-06-30', issuer: 'UBND tỉnh Lai Châu' };
const LINE = { program: 'GNBV-2021-2025', project: 'DA1', subProject: 'DA1.1', fiscalYear: 2022, capitalType: 'investment', source: 'central' };

const refusal = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.code, field: e.details?.field, message: e.message };
  }
  throw new Error('parsed without a refusal');
};

const BAD_AMOUNTS: ReadonlyArray<[string, unknown]> = [
  ['zero', 0],
  ['negative', -1],
  ['fractional', 1.5],
  ['unsafe', Number.MAX_SAFE_INTEGER + 1],
  ['a string', '71570000000'],
  ['missing', undefined],
];

const BAD_DECISIONS: ReadonlyArray<[string, unknown, string]> = [
  ['an array', [DECISION.number], 'decision'],
  ['an empty number', { ...DECISION, number: '  ' }, 'decision.number'],
  ['a day that does not exist', { ...DECISION, date: '2023-02-30' }, 'decision.date'],
  ['a Vietnamese-format date', { ...DECISION, date: '30/6/2022' }, 'decision.date'],
  ['no issuer', { number: DECISION.number, date: DECISION.date }, 'decision.issuer'],
];

describe('parseGrantAllocation', () => {
  const grant = (over: Record<string, unknown> = {}) => parseGrantAllocation({ id: 'LC-1', unit: 'LC', ...LINE, amount: 100, decision: DECISION, ...over });

  it('checks a top-level line against the catalogue and trims the decision', () => {
    expect(grant({ decision: { number: ' 747/QĐ-UBND ', date: '2022-06-30', issuer: ' UBND tỉnh Lai Châu ' } })).toEqual({
      id: 'LC-1',
      unit: 'LC',
      parentId: null,
      line: LINE,
      amount: 100,
      decision: DECISION,
    });
  });

  it('keeps only the line fields a sub-allocation gives: the parent has the rest', () => {
    expect(parseGrantAllocation({ parentId: 'LC-1', unit: 'PT', fiscalYear: 2022, amount: 1, decision: DECISION })).toEqual({
      id: null,
      unit: 'PT',
      parentId: 'LC-1',
      line: { fiscalYear: 2022 },
      amount: 1,
      decision: DECISION,
    });
  });

  it.each(BAD_AMOUNTS)('refuses an amount that is %s', (_, amount) => {
    expect(refusal(() => grant({ amount }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amount' });
  });

  it.each([...BAD_DECISIONS, ['missing', undefined, 'decision'] as const])('refuses a decision that is %s, naming %s', (_, decision, field) => {
    expect(refusal(() => grant({ decision }))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown programme', { program: 'NTM' }, 'UNKNOWN_REFERENCE', 'program'],
    ['an unknown capital type', { capitalType: 'mixed' }, 'VALIDATION_FAILED', 'capitalType'],
    ['a sub-allocation with a capital type not in the list', { parentId: 'LC-1', capitalType: 'mixed' }, 'VALIDATION_FAILED', 'capitalType'],
    ['a sub-allocation with a fractional year', { parentId: 'LC-1', fiscalYear: 2022.5 }, 'VALIDATION_FAILED', 'fiscalYear'],
    ['an id outside the safe alphabet', { id: 'a b' }, 'VALIDATION_FAILED', 'id'],
    ['a unit that is not text', { unit: 7 }, 'VALIDATION_FAILED', 'unit'],
    ['a parent id that is not text', { parentId: 7 }, 'VALIDATION_FAILED', 'parentId'],
  ])('refuses %s', (_, over, code, field) => {
    expect(refusal(() => grant(over))).toMatchObject({ code, field });
  });
});

describe('parseAdjustAllocation', () => {
  const adjust = (over: Record<string, unknown> = {}) => parseAdjustAllocation({ delta: -5, decision: DECISION, reason: ' bổ sung vốn ', ...over });

  it('trims the reason', () => {
    expect(adjust()).toEqual({ delta: -5, decision: DECISION, reason: 'bổ sung vốn' });
  });

  it.each<[string, unknown]>([
    ['zero', 0],
    ['fractional', 0.5],
    ['unsafe', -(Number.MAX_SAFE_INTEGER + 1)],
    ['a string', '-5'],
  ])('refuses a delta that is %s', (_, delta) => {
    expect(refusal(() => adjust({ delta }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'delta' });
  });

  it.each(BAD_DECISIONS)('refuses a decision that is %s, naming %s', (_, decision, field) => {
    expect(refusal(() => adjust({ decision }))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it.each([' ', undefined, 'x'.repeat(1001)])('refuses a reason %j', (reason) => {
    expect(refusal(() => adjust({ reason }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
  });
});

describe('parseRecordDisbursement', () => {
  const disburse = (over: Record<string, unknown> = {}) =>
    parseRecordDisbursement({ amount: 60, valueDate: '2022-12-30', voucher: ' UNC-0001/KBNN-PT ', payee: ' Ban QLDA ', ...over });

  it('trims its texts and leaves what is absent null', () => {
    expect(disburse()).toEqual({ id: null, amount: 60, valueDate: '2022-12-30', voucher: 'UNC-0001/KBNN-PT', payee: 'Ban QLDA', purpose: null });
  });

  it.each(BAD_AMOUNTS)('refuses an amount that is %s', (_, amount) => {
    expect(refusal(() => disburse({ amount }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amount' });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['not a calendar day', '2022-02-29'],
    ['in Vietnamese format', '30/12/2022'],
  ])('refuses a value date that is %s', (_, valueDate) => {
    expect(refusal(() => disburse({ valueDate }))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'valueDate' });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['blank', '   '],
    ['too long', 'x'.repeat(101)],
  ])('refuses a voucher that is %s', (_, voucher) => {
    expect(refusal(() => disburse({ voucher }))).toEqual({ code: 'VALIDATION_FAILED', field: 'voucher', message: expect.stringMatching(/^voucher: /) });
  });

  it('refuses a blank payee and a purpose that is not text', () => {
    expect(refusal(() => disburse({ payee: '' }))).toMatchObject({ field: 'payee' });
    expect(refusal(() => disburse({ purpose: 42 }))).toMatchObject({ field: 'purpose' });
  });
});

describe('parseReverseDisbursement', () => {
  it('trims the reason; decision and value date are optional', () => {
    expect(parseReverseDisbursement({ reason: ' wrong voucher ' })).toEqual({ reason: 'wrong voucher', decision: null, valueDate: null });
  });

  it.each([
    ['not a date', '15/01/2023'],
    ['not a calendar date', '2023-02-30'],
  ])('refuses a value date %s', (_, valueDate) => {
    expect(refusal(() => parseReverseDisbursement({ reason: 'r', valueDate }))).toMatchObject({ field: 'valueDate' });
  });

  it('refuses a reversal without a reason', () => {
    expect(refusal(() => parseReverseDisbursement({ reason: '' }))).toMatchObject({ field: 'reason' });
  });

  it.each(BAD_DECISIONS)('refuses a decision that is %s, naming %s', (_, decision, field) => {
    expect(refusal(() => parseReverseDisbursement({ reason: 'r', decision }))).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

describe('parseRecordNote', () => {
  it('trims the text; asOf is optional', () => {
    expect(parseRecordNote({ text: ' Chưa có hướng dẫn ' })).toEqual({ text: 'Chưa có hướng dẫn', asOf: null });
  });

  it.each([
    ['not a date', '30/11/2022'],
    ['not a calendar date', '2022-02-30'],
  ])('refuses an asOf that is %s', (_, asOf) => {
    expect(refusal(() => parseRecordNote({ text: 't', asOf }))).toMatchObject({ field: 'asOf' });
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['blank', '   '],
    ['not text', 42],
    ['longer than 2,000 characters', 'x'.repeat(2001)],
  ])('refuses a text that is %s', (_, text) => {
    expect(refusal(() => parseRecordNote({ text }))).toMatchObject({ field: 'text' });
  });
});
