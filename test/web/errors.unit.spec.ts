import { errorField, errorSentence, serverDetail, type ApiError } from '../../apps/web/src/i18n/errors';
import { MESSAGES, translate, translateCode } from '../../apps/web/src/i18n/messages';
import { ERROR_CODES } from '../../apps/api/src/http/openapi';

const insufficient: ApiError = {
  statusCode: 409,
  code: 'INSUFFICIENT_FUNDS',
  message: "allocation 'PT-DA1.1-2022' has 43897000000 đ available; 50000000000 đ requested",
  details: { allocationId: 'PT-DA1.1-2022', available: 43_897_000_000, requested: 50_000_000_000 },
};

describe('console: API errors as sentences', () => {
  it('says how much is left when funds are short, in either language and unit', () => {
    expect(errorSentence(insufficient, 'vi')).toBe('Không đủ số dư khả dụng: còn 43.897.000.000 đ');
    expect(errorSentence(insufficient, 'vi', 'million')).toBe('Không đủ số dư khả dụng: còn 43.897 triệu đồng');
    expect(errorSentence(insufficient, 'en')).toBe('Not enough available funds: 43.897.000.000 đ left');
    expect(errorField(insufficient)).toBe('amount');
  });

  it('names the field of a validation error and keeps the server’s words apart', () => {
    const e: ApiError = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'valueDate: may not be later than today', details: { field: 'valueDate' } };
    expect(errorSentence(e, 'vi')).toBe('Ngày giá trị không hợp lệ.');
    expect(errorSentence(e, 'en')).toBe('Value date is not valid.');
    expect(errorField(e)).toBe('valueDate');
    expect(serverDetail(e)).toBe('valueDate: may not be later than today');
    expect(serverDetail(insufficient)).toBeNull();
  });

  it('maps every code the API documents, and an unknown one to a sentence with its code', () => {
    // Every code the served OpenAPI document lists, whatever raises it, and the console's own NETWORK.
    const codes = [...ERROR_CODES, 'INTERNAL', 'NETWORK'];
    expect(codes).toEqual(expect.arrayContaining(['INTEGRITY_BROKEN', 'INSUFFICIENT_FUNDS', 'METHOD_NOT_ALLOWED']));
    for (const code of codes) {
      const e: ApiError = { statusCode: 400, code, message: 'x' };
      expect(errorSentence(e, 'vi')).not.toMatch(/\{|mã [A-Z_]+\)/);
      expect(errorSentence(e, 'en')).not.toMatch(/\{|code [A-Z_]+\)/);
      expect(errorSentence(e, 'vi')).not.toBe(errorSentence(e, 'en'));
    }
    expect(errorSentence({ statusCode: 418, code: 'HTTP_418', message: 'teapot' }, 'vi')).toBe('Máy chủ từ chối yêu cầu (mã HTTP_418).');
    expect(errorSentence({ statusCode: 404, code: 'NOT_FOUND', message: '', details: { id: 'X9' } }, 'en')).toBe('“X9” was not found.');
    expect(errorSentence({ statusCode: 400, code: 'UNKNOWN_REFERENCE', message: '', details: { field: 'unit', value: 'ZZ' } }, 'vi')).toBe(
      'Không có Đơn vị “ZZ”.',
    );
  });

  it('has every message in both languages, filled by name', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.vi).sort());
    for (const [key, text] of Object.entries(MESSAGES.en)) expect([key, text.trim().length > 0]).toEqual([key, true]);
    expect(translate('vi', 'recorded', { id: 'D4', amount: '1.000.000.000 đ' })).toBe('Đã ghi nhận khoản giải ngân D4: 1.000.000.000 đ.');
    expect(translate('en', 'overviewTitle', { year: 2022 })).toBe('Overview of fiscal year 2022');
  });

  it('names the fields of the administration forms in refusals', () => {
    expect(errorSentence({ statusCode: 400, code: 'UNKNOWN_REFERENCE', message: '', details: { field: 'parent', value: 'ZZ' } }, 'vi')).toBe(
      'Không có Đơn vị cấp trên “ZZ”.',
    );
    expect(errorSentence({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'role must be one of …', details: { field: 'role' } }, 'en')).toBe(
      'Role is not valid.',
    );
    expect(errorSentence({ statusCode: 503, code: 'INTEGRITY_BROKEN', message: 'x' }, 'vi')).toMatch(/^Sổ cái đã bị sửa ngoài ứng dụng/);
  });

  it('says event types and unit levels in words, and an unknown code as it came', () => {
    expect(translateCode('vi', 'evt_', 'DisbursementReversed')).toBe('Hủy khoản giải ngân');
    expect(translateCode('en', 'evt_', 'FundsPassedDown')).toBe('Passed down');
    expect(translateCode('vi', 'level_', 'district')).toBe('Huyện');
    expect(translateCode('vi', 'evt_', 'SomethingNew')).toBe('SomethingNew');
  });
});
