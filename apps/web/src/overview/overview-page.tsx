import { useState, type FormEvent } from 'react';
import type { AllocationSummary, BalanceRow, Balances } from '../api/types';
import { AllocationsTable } from './allocations-table';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { Loaded } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { FiguresTable } from './figures-table';
import { UnitName } from './unit-name';
import { ReportLink } from '../reports/report-link';

const LINE_GROUPS = 'program,project,subProject,capitalType';

/** The user's scope for a fiscal year: by budget line, then by unit, each đồng counted once. */
export function OverviewPage() {
  const { client, route, at } = useApp();
  // Without a year in the URL, the latest fiscal year the scope has money in.
  const years = useLoad(`years|${JSON.stringify(at)}`, () => client.balances({ groupBy: 'fiscalYear' }, at));
  if (/^\d{4}$/.test(route.params.year ?? '')) return <Overview year={Number(route.params.year)} />;
  if (years.data === null && years.error === null) return null;
  const known = (years.data?.rows ?? []).map((r) => r.fiscalYear).filter((y): y is number => typeof y === 'number');
  return <Overview year={known.length > 0 ? Math.max(...known) : new Date().getFullYear()} />;
}

function Overview({ year }: { year: number }) {
  const { t, client, route, at } = useApp();
  const unit = route.params.unit || undefined;
  const atKey = JSON.stringify(at);
  const byLine = useLoad(`line|${year}|${unit}|${atKey}`, () => client.balances({ fiscalYear: year, groupBy: LINE_GROUPS, unit }, at));
  const list = useLoad(`list|${year}|${unit}|${atKey}`, () => client.allocations({ fiscalYear: year, unit }, at));
  const byUnit = useLoad(`unit|${year}|${unit}|${atKey}`, () => client.balances({ fiscalYear: year, groupBy: 'unit', unit }, at));

  return (
    <>
      <h1>{t('overviewTitle', { year })}</h1>
      <AsOfBanner position={byLine.data?.readPosition ?? null} />
      <div className="toolbar">
        <YearPicker year={year} />
        <OpenAllocation />
      </div>
      <p className="unit-in-view">
        {unit ? (
          <>
            {t('unitInView', { unit: '' })}
            <strong>
              <UnitName code={unit} />
            </strong>{' '}
            <a href={href(['overview'], { year: String(year) }, route)}>{t('upToAll')}</a>
          </>
        ) : (
          t('allUnits')
        )}
      </p>
      <ReportLink year={year} unit={unit} />
      <section aria-labelledby="by-line">
        <h2 id="by-line">{t('byLine')}</h2>
        <Loaded load={byLine}>
          {(data: Balances) => <FiguresTable data={data} columns={['program', 'project', 'subProject', 'capitalType']} caption={t('byLine')} />}
        </Loaded>
      </section>
      <section aria-labelledby="allocations">
        <h2 id="allocations">{t('allocations')}</h2>
        <Loaded load={list}>{(items: readonly AllocationSummary[]) => <AllocationsTable items={items} />}</Loaded>
      </section>
      <section aria-labelledby="by-unit">
        <h2 id="by-unit">{t('byUnit')}</h2>
        <Loaded load={byUnit}>
          {(data: Balances) => (
            <FiguresTable
              data={data}
              columns={['unit']}
              caption={t('byUnit')}
              renderKey={(row: BalanceRow) =>
                row.unit && row.unit !== unit ? (
                  <a href={href(['overview'], { year: String(year), unit: row.unit }, route)} title={t('drillDown', { unit: row.unit })}>
                    <UnitName code={row.unit} />
                  </a>
                ) : (
                  <UnitName code={row.unit ?? ''} />
                )
              }
            />
          )}
        </Loaded>
      </section>
    </>
  );
}

function YearPicker({ year }: { year: number }) {
  const { t, route } = useApp();
  const [value, setValue] = useState(String(year));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (/^\d{4}$/.test(value)) navigate(href(['overview'], { ...route.params, year: value }));
  }
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor="fiscal-year">{t('fiscalYear')}</label>
      <input id="fiscal-year" name="fiscalYear" type="number" min={2000} max={2100} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">{t('show')}</button>
    </form>
  );
}

function OpenAllocation() {
  const { t, route } = useApp();
  const [id, setId] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (id.trim()) navigate(href(['allocations', id.trim()], {}, route));
  }
  return (
    <form onSubmit={submit} className="inline-form" aria-label={t('openAllocation')}>
      <label htmlFor="open-allocation">{t('allocationId')}</label>
      <input id="open-allocation" name="allocationId" value={id} onChange={(e) => setId(e.target.value)} />
      <button type="submit">{t('open')}</button>
    </form>
  );
}
