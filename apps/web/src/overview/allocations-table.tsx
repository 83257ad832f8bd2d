import type { AllocationSummary } from '../api/types';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { TableWrap } from '../ui/bits';
import { FigureCells } from './figures-table';
import { UnitName } from './unit-name';

/** The allocations in view, each opening its page. */
export function AllocationsTable({ items }: { items: readonly AllocationSummary[] }) {
  const { t, route } = useApp();
  if (items.length === 0) return <p>{t('noData')}</p>;
  return (
    <TableWrap label={t('allocations')}>
      <table>
        <caption className="visually-hidden">{t('allocations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocationId')}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col" className="num">
              {t('allocated')}
            </th>
            <th scope="col" className="num">
              {t('subAllocated')}
            </th>
            <th scope="col" className="num">
              {t('disbursed')}
            </th>
            <th scope="col" className="num">
              {t('available')}
            </th>
            <th scope="col">{t('rate')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={href(['allocations', a.id], {}, route)}>{a.id}</a>
              </td>
              <td>
                <UnitName code={a.unit} />
              </td>
              <FigureCells figures={a} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
