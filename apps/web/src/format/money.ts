/**
 * Money as officers write it. Amounts are whole đồng (VND has no minor unit) and are never divided
 * in floating point: "triệu đồng" is the integer split at 10^6 and printed exactly, so
 * 1.234.567 đ is "1,234567 triệu đồng", never a rounded figure that no longer adds up.
 * Figures use vi-VN grouping in both languages (the documents they are checked against do);
 * only the unit word is translated.
 */
import type { Lang } from '../i18n/lang';

export type MoneyUnit = 'dong' | 'million';

const MILLION = 1_000_000;
const WHOLE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const DECIMAL_SEPARATOR = new Intl.NumberFormat('vi-VN').formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';

const MILLION_WORD: Readonly<Record<Lang, string>> = { vi: 'triệu đồng', en: 'million đồng' };

export function formatMoney(dong: number, unit: MoneyUnit = 'dong', lang: Lang = 'vi'): string {
  if (!Number.isSafeInteger(dong)) throw new RangeError(`an amount must be a whole number of đồng, got ${dong}`);
  const sign = dong < 0 ? '-' : '';
  const abs = Math.abs(dong);
  if (unit === 'dong') return `${sign}${WHOLE.format(abs)} đ`;
  const millions = Math.floor(abs / MILLION);
  const rest = abs % MILLION;
  const fraction = rest === 0 ? '' : DECIMAL_SEPARATOR + String(rest).padStart(6, '0').replace(/0+$/, '');
  return `${sign}${WHOLE.format(millions)}${fraction} ${MILLION_WORD[lang]}`;
}

/**
 * What an officer types into an amount field ("27.673.000.000", "27673000000", "12 000 000 đ")
 * as whole đồng, or null when it is not a whole number of đồng. Dots and spaces group thousands
 * in vi-VN; a comma would be a decimal separator, which đồng do not have.
 */
export function parseDong(text: string): number | null {
  const digits = text.replace(/[\s.\u00a0\u202f]/g, '').replace(/(đ|₫|VND)$/i, '');
  if (!/^\d{1,16}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
