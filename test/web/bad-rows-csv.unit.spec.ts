import { badRowsCsv, badRowsFileName, rowErrorsOf } from '../../apps/web/src/households/bad-rows-csv';
import { errorField, errorSentence } from '../../apps/web/src/i18n/errors';

describe('console: the bad rows of a refused review file as CSV', () => {
  it('writes one line per row after the header, with a BOM and CRLF, quoting what needs it', () => {
    const csv = badRowsCsv(
      [
        { row: 2, field: 'unit', message: "unit: no such unit 'PHONG-THO'" },
        { row: 4, field: 'deprivations[1]', message: 'deprivations[1]: "nope", not an indicator, of 07/2021' },
      ],
      ['Dòng', 'Trường', 'Lỗi'],
    );
    expect(csv).toBe(
      '\uFEFFDòng,Trường,Lỗi\r\n2,unit,unit: no such unit \'PHONG-THO\'\r\n4,deprivations[1],"deprivations[1]: ""nope"", not an indicator, of 07/2021"\r\n',
    );
  });

  it('keeps a spreadsheet from taking a cell for a formula', () => {
    expect(badRowsCsv([{ row: 3, field: '=cmd', message: '+1' }])).toBe("\uFEFFrow,field,message\r\n3,'=cmd,'+1\r\n");
  });

  it('names the download after the file it is about', () => {
    expect(badRowsFileName('xa-ma-li-pho-2023.csv')).toBe('xa-ma-li-pho-2023.errors.csv');
    expect(badRowsFileName('review')).toBe('review.errors.csv');
    expect(badRowsFileName('.csv')).toBe('review-file.errors.csv');
  });

  it('reads the rows of a refused import, and nothing from another refusal', () => {
    expect(rowErrorsOf({ errors: [{ row: 2, field: 'unit', message: 'm' }, { row: 'x' }], errorCount: 12_000, listed: 10_000 })).toEqual({
      errors: [{ row: 2, field: 'unit', message: 'm' }],
      count: 12_000,
    });
    expect(rowErrorsOf({ field: 'Content-Type' })).toBeNull();
    expect(rowErrorsOf(undefined)).toBeNull();
  });

  it('shows a refusal of one item of a list next to the list, named as the form names it', () => {
    const error = { statusCode: 400, code: 'VALIDATION_FAILED', message: "deprivations[0]: 'x' is listed twice", details: { field: 'deprivations[0]' } };
    expect(errorField(error)).toBe('deprivations');
    expect(errorSentence(error, 'vi')).toBe('Các chỉ số thiếu hụt không hợp lệ.');
    expect(errorSentence(error, 'en')).toBe('Deprivations is not valid.');
  });
});
