import type { ReactNode } from 'react';
import type { BalanceRow, Balances } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { useApp } from '../shell/app-context';
import { Money, RateBar, TableWrap } from '../ui/bits';

type KeyColumn = 'program' | 'project' | 'subProject' | 'capitalType' | 'unit';

const CODED: ReadonlySet<string> = new Set(['investment', 'recurrent', 'central', 'local', 'other', 'policy_credit']);

type Figures = Readonly<{ allocated: number; subAllocated: number; disbursed: number; available: number; disbursementRate: number }>;

/** The five figure cells every money table shows, in the order of its headers. */
export function FigureCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td className="num">
        <Money dong={figures.allocated} />
      </td>
      <td className="num">
        <Money dong={figures.subAllocated} />
      </td>
      <td className="num">
        <Money dong={figures.disbursed} />
      </td>
      <td className="num">
        <Money dong={figures.available} />
      </td>
      <td>
        <RateBar rate={figures.disbursementRate} />
      </td>
    </>
  );
}

/** Rows of allocated / disbursed / available / rate with a bar each, and the total. */
export function FiguresTable({
  data,
  columns,
  caption,
  renderKey,
}: {
  data: Balances;
  columns: readonly KeyColumn[];
  caption: string;
  renderKey?: (row: BalanceRow) => ReactNode;
}) {
  const { t } = useApp();
  if (data.rows.length === 0) return <p>{t('noData')}</p>;
  const label = (v: string | undefined) => (v === undefined || v === null ? t('none') : CODED.has(v) ? t(v as MessageKey) : v);
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
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
          {data.rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) => (
                <td key={c}>{renderKey && j === 0 ? renderKey(row) : label(row[c] ?? undefined)}</td>
              ))}
              <FigureCells figures={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={columns.length}>
              {t('total')}
            </th>
            <FigureCells figures={data.total} />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
