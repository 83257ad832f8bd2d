import { chooseFormat } from '../apps/api/src/reports/get-programme-report/report-format';

describe('the report format', () => {
  it.each([
    [undefined, undefined, 'json'],
    [undefined, '*/*', 'json'],
    [undefined, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'html'],
    [undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    [undefined, 'text/csv;q=0.5, text/html;q=0.9', 'html'],
    [undefined, 'application/pdf', 'json'],
    ['xlsx', 'text/html', 'xlsx'],
  ])('format=%s, Accept: %s → %s', (format, accept, expected) => {
    expect(chooseFormat(format, accept)).toBe(expected);
  });
});
