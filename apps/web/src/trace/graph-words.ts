import { formatDate } from '../format/date';
import type { AppContextValue } from '../shell/app-context';
import type { Words } from './trace-graph-model';

/** The drawing's words from the page's own `t` and `money`: the same language and unit as the rest. */
export function graphWords({ t, money }: Pick<AppContextValue, 't' | 'money'>): Words {
  return {
    money,
    date: formatDate,
    allocated: t('allocated'),
    subAllocated: t('subAllocated'),
    disbursed: t('disbursed'),
    disbursedTotal: t('disbursedTotal'),
    available: t('available'),
    reconciles: t('reconciles'),
    doesNotReconcile: t('doesNotReconcile'),
    reversed: (reason) => t('reversedBecause', { reason }),
    outOfScope: t('outOfScope'),
    decision: (number, date) => t('decisionShort', { number, date }),
  };
}
