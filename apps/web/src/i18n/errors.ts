import { formatMoney, type MoneyUnit } from '../format/money';
import type { Lang } from './lang';
import { fill } from './messages';

/** The API's error body: `{ statusCode, code, message, details? }`; status 0 means no answer came. */
export type ApiError = Readonly<{ statusCode: number; code: string; message: string; details?: Readonly<Record<string, unknown>> }>;

const SENTENCES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  VALIDATION_FAILED: { vi: '{field} không hợp lệ.', en: '{field} is not valid.' },
  UNKNOWN_REFERENCE: { vi: 'Không có {field} “{value}”.', en: 'There is no {field} “{value}”.' },
  AMOUNT_OUT_OF_RANGE: { vi: 'Số tiền vượt quá giới hạn cho phép.', en: 'The amount is out of the allowed range.' },
  UNAUTHENTICATED: {
    vi: 'Phiên làm việc đã hết hạn hoặc mã truy cập đã bị thu hồi. Vui lòng đăng nhập lại.',
    en: 'Your session has expired or your token was revoked. Please sign in again.',
  },
  FORBIDDEN: { vi: 'Bạn không có quyền với dữ liệu hoặc thao tác này.', en: 'You are not allowed to see or do this.' },
  NOT_FOUND: { vi: 'Không tìm thấy “{id}”.', en: '“{id}” was not found.' },
  ALREADY_EXISTS: { vi: 'Mã “{id}” đã được dùng.', en: 'The id “{id}” is already taken.' },
  INSUFFICIENT_FUNDS: { vi: 'Không đủ số dư khả dụng: còn {available}', en: 'Not enough available funds: {available} left' },
  BELOW_COMMITTED: {
    vi: 'Không thể giảm xuống dưới số đã phân bổ cho cấp dưới và đã giải ngân.',
    en: 'It cannot be reduced below what is already passed down and disbursed.',
  },
  SEPARATION_OF_DUTIES: {
    vi: 'Người lập khoản chi không được tự duyệt hoặc từ chối; một cán bộ tài chính khác phải quyết định.',
    en: 'Whoever prepared a payment may not approve or reject it; another finance officer must decide.',
  },
  ALREADY_DECIDED: { vi: 'Đề nghị chi này đã được quyết định trước đó.', en: 'This payment request has already been decided.' },
  ALREADY_DEACTIVATED: { vi: 'Người dùng này đã bị khóa trước đó.', en: 'This user is already deactivated.' },
  ALREADY_ACTIVE: { vi: 'Người dùng này đang hoạt động.', en: 'This user is active.' },
  LAST_ACTIVE_ADMIN: {
    vi: 'Không thể khóa quản trị viên cuối cùng còn hoạt động: hãy tạo hoặc mở khóa một quản trị viên khác trước.',
    en: 'The last active administrator cannot be deactivated: register or reactivate another one first.',
  },
  TOO_MANY_AUTH_FAILURES: {
    vi: 'Có quá nhiều lần đăng nhập sai từ máy này; vui lòng chờ một phút rồi thử lại.',
    en: 'Too many failed sign-ins from this machine; please wait a minute and try again.',
  },
  ALREADY_REVERSED: { vi: 'Khoản giải ngân này đã được hủy trước đó.', en: 'This payment has already been reversed.' },
  ALREADY_ERASED: { vi: 'Dữ liệu cá nhân của hộ này đã được xóa trước đó.', en: "This household's personal data has already been erased." },
  CONCURRENCY_CONFLICT: {
    vi: 'Có người vừa ghi vào khoản vốn này cùng lúc; vui lòng thử lại.',
    en: 'Someone recorded on this allocation at the same moment; please try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Biểu mẫu này đã được gửi với nội dung khác. Hãy mở lại biểu mẫu rồi gửi lại.',
    en: 'This form was already sent with other content. Open the form again and resend.',
  },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Máy chủ không nhận loại dữ liệu này.', en: 'The server does not accept this kind of content.' },
  NOT_SUPPORTED: {
    vi: 'Kho dữ liệu này không lưu lịch sử: không xem được sổ sách tại thời điểm trước.',
    en: 'This read store keeps no history: the books cannot be shown as of a past point.',
  },
  PROJECTION_LAGGING: {
    vi: 'Máy chủ chưa cập nhật kịp; vui lòng thử lại sau giây lát.',
    en: 'The server has not caught up yet; please try again in a moment.',
  },
  NETWORK: {
    vi: 'Không kết nối được với máy chủ. Chưa có gì được ghi nhận; hãy thử lại.',
    en: 'The server could not be reached. Nothing was recorded; please try again.',
  },
  INTEGRITY_BROKEN: {
    vi: 'Sổ cái đã bị sửa ngoài ứng dụng (chuỗi mã băm bị đứt): không ghi nhận gì cho đến khi sổ được khôi phục.',
    en: 'The log was changed outside the ledger (its hash chain is broken): nothing is recorded until it is restored.',
  },
  STORAGE_FULL: {
    vi: 'Ổ đĩa của máy chủ sổ cái đã đầy: yêu cầu này chưa được ghi nhận. Hãy báo quản trị viên, rồi gửi lại khi có chỗ trống.',
    en: "The ledger server's disk is full: this request was not recorded. Tell the administrator, then send it again once space is freed.",
  },
  METHOD_NOT_ALLOWED: { vi: 'Máy chủ không nhận thao tác này tại địa chỉ này.', en: 'The server does not accept this action at this address.' },
  SERVICE_UNAVAILABLE: { vi: 'Máy chủ tạm thời không phục vụ được; vui lòng thử lại sau.', en: 'The server is unavailable for now; please try again later.' },
  INTERNAL: { vi: 'Máy chủ gặp lỗi nội bộ; chưa có gì được ghi nhận.', en: 'The server failed internally; nothing was recorded.' },
};

const UNKNOWN: Readonly<Record<Lang, string>> = { vi: 'Máy chủ từ chối yêu cầu (mã {code}).', en: 'The server refused the request (code {code}).' };

/** Names of the fields the API reports in `details.field`, as the forms label them. */
const FIELDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  amount: { vi: 'Số tiền', en: 'Amount' },
  valueDate: { vi: 'Ngày giá trị', en: 'Value date' },
  voucher: { vi: 'Số chứng từ', en: 'Voucher' },
  payee: { vi: 'Đơn vị nhận', en: 'Payee' },
  purpose: { vi: 'Nội dung', en: 'Purpose' },
  reason: { vi: 'Lý do', en: 'Reason' },
  id: { vi: 'Mã', en: 'Id' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  fiscalYear: { vi: 'Năm ngân sách', en: 'Fiscal year' },
  reviewYear: { vi: 'Năm rà soát', en: 'Review year' },
  asOf: { vi: 'Thời điểm xem sổ', en: 'The “as of” point' },
  atPosition: { vi: 'Vị trí trong sổ', en: 'The log position' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  allocation: { vi: 'khoản vốn', en: 'allocation' },
  household: { vi: 'hộ gia đình', en: 'household' },
  disbursement: { vi: 'khoản giải ngân', en: 'payment' },
  code: { vi: 'Mã đơn vị', en: 'Unit code' },
  name: { vi: 'Tên', en: 'Name' },
  level: { vi: 'Cấp', en: 'Level' },
  parent: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  role: { vi: 'Vai trò', en: 'Role' },
  units: { vi: 'Đơn vị phụ trách', en: 'Units covered' },
  cursor: { vi: 'Trang tiếp theo', en: 'The next page' },
  user: { vi: 'Người dùng', en: 'User' },
  expiresAt: { vi: 'Thời điểm hết hạn', en: 'Expiry' },
  area: { vi: 'Khu vực', en: 'Area' },
  members: { vi: 'Số nhân khẩu', en: 'Members' },
  headName: { vi: 'Chủ hộ', en: 'Head of household' },
  ethnicMinority: { vi: 'Hộ dân tộc thiểu số', en: 'Ethnic minority' },
  reviewType: { vi: 'Loại rà soát', en: 'Review type' },
  incomePerCapita: { vi: 'Thu nhập bình quân', en: 'Income per person' },
  deprivations: { vi: 'Các chỉ số thiếu hụt', en: 'Deprivations' },
  classification: { vi: 'Phân loại', en: 'Class' },
  deprivation: { vi: 'Chỉ số thiếu hụt', en: 'Deprived in' },
  q: { vi: 'Tên chủ hộ hoặc mã hộ', en: "Head's name or household id" },
  file: { vi: 'Tệp', en: 'File' },
  delta: { vi: 'Số điều chỉnh', en: 'Change' },
  'decision.number': { vi: 'Số quyết định', en: 'Decision number' },
  'decision.date': { vi: 'Ngày quyết định', en: 'Decision date' },
  'decision.issuer': { vi: 'Cơ quan ban hành', en: 'Issued by' },
};

/** `deprivations[2]` is a refusal of the list `deprivations`: it is labelled, and shown, as that field. */
const listField = (field: string): string => field.replace(/\[\d+\]$/, '');

export function fieldLabel(field: string, lang: Lang): string {
  return FIELDS[listField(field)]?.[lang] ?? field;
}

/**
 * The form field a refusal concerns: the API names it in `details.field`; a refusal for lack of
 * funds concerns the amount asked for.
 */
export function errorField(error: ApiError): string | null {
  const field = error.details?.field;
  if (typeof field === 'string') return listField(field);
  if (error.code === 'INSUFFICIENT_FUNDS' || error.code === 'AMOUNT_OUT_OF_RANGE') return 'amount';
  return null;
}

/** One sentence in the user's language for an API refusal, with the amounts it carries formatted. */
export function errorSentence(error: ApiError, lang: Lang, unit: MoneyUnit = 'dong'): string {
  const template = SENTENCES[error.code]?.[lang];
  if (template === undefined) return fill(UNKNOWN[lang], { code: error.code });
  const d = error.details ?? {};
  const field = typeof d.field === 'string' ? fieldLabel(d.field, lang) : lang === 'vi' ? 'Dữ liệu' : 'The input';
  const available = typeof d.available === 'number' && Number.isSafeInteger(d.available) ? formatMoney(d.available, unit, lang) : '?';
  return fill(template, { field, value: String(d.value ?? ''), id: String(d.id ?? d.disbursementId ?? ''), available });
}

/**
 * The server's own words, worth showing under the sentence when only they say exactly what is
 * wrong (a date in the future, a voucher too long); they are in English.
 */
export function serverDetail(error: ApiError): string | null {
  return error.code === 'VALIDATION_FAILED' && error.message ? error.message : null;
}
