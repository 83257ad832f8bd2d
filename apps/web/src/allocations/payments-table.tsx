import type { Payment } from '../api/types';
import { formatDate } from '../format/date';
import { useApp } from '../shell/app-context';
import { Money, TableWrap } from '../ui/bits';

/** Every payment stays visible; a reversed one is struck through, with the reversal's reason. */
export function PaymentsTable({ payments }: { payments: readonly Payment[] }) {
  const { t } = useApp();
  if (payments.length === 0) return <p>{t('noPayments')}</p>;
  return (
    <TableWrap label={t('payments')}>
      <table className="payments">
        <caption className="visually-hidden">{t('payments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('paymentId')}</th>
            <th scope="col">{t('valueDate')}</th>
            <th scope="col">{t('voucher')}</th>
            <th scope="col">{t('payee')}</th>
            <th scope="col" className="num">
              {t('amount')}
            </th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => {
            const Cell = p.reversal ? 'del' : 'span';
            return (
              <tr key={p.id} data-payment={p.id} className={p.reversal ? 'reversed' : undefined}>
                <td>
                  <Cell>{p.id}</Cell>
                </td>
                <td>{formatDate(p.valueDate)}</td>
                <td>{p.voucher}</td>
                <td>{p.payee ?? t('none')}</td>
                <td className="num">
                  <Cell>
                    <Money dong={p.amount} />
                  </Cell>
                </td>
                <td>{p.reversal ? t('reversedBecause', { reason: p.reversal.reason }) : t('paid')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
