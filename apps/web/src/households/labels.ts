import type { MessageKey } from '../i18n/messages';
import type { Classification } from './api';

/** The catalogue's words for the codes the API sends about households; an unknown code is shown as it came. */
const CLASS_KEYS: Readonly<Record<Classification, MessageKey>> = { poor: 'poor', near_poor: 'nearPoor', average: 'average', not_poor: 'notPoor' };
const STANDARD_KEYS: Readonly<Record<string, MessageKey>> = { 'MDP-2022-2025': 'std_MDP_2022_2025', 'MDP-2016-2020': 'std_MDP_2016_2020' };
const CODE_KEYS: Readonly<Record<string, MessageKey>> = { rural: 'area_rural', urban: 'area_urban', periodic: 'review_periodic', adhoc: 'review_adhoc' };

type T = (key: MessageKey) => string;

export const CLASSES = Object.keys(CLASS_KEYS) as Classification[];

export const classLabel = (t: T, c: string): string => (c in CLASS_KEYS ? t(CLASS_KEYS[c as Classification]) : c);
export const standardLabel = (t: T, id: string): string => (STANDARD_KEYS[id] ? t(STANDARD_KEYS[id]) : id);
export const codeLabel = (t: T, code: string): string => (CODE_KEYS[code] ? t(CODE_KEYS[code]) : code);
