import { useState, type FormEvent } from 'react';
import type { AuditEntry } from '../api/types';
import { formatDate, formatInstant, todayInVietnam } from '../format/date';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { ErrorNote, TableWrap } from '../ui/bits';
import { toApiError, useLoad } from '../ui/use-load';
import type { ApiError } from '../i18n/errors';
import { translateCode, type MessageKey } from '../i18n/messages';
import { saveBlob } from '../ui/download';
import { wholeAuditTrail } from './api';
import { auditCsv, entryAmount } from './audit-csv';

const FILTERS = ['allocation', 'household', 'disbursement', 'actor', 'decision', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** The API's filters as a form (kept in the URL), each entry with who, when, what, which decision and why. */
export function AuditPage() {
  const { t, client, route, at } = useApp();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, route.params[f]])) as Record<Filter, string | undefined>;
  const key = `audit|${JSON.stringify(filters)}|${JSON.stringify(at)}`;
  const first = useLoad(key, () => client.audit(filters, at));
  const [more, setMore] = useState<{ key: string; items: AuditEntry[]; cursor: string | null; error: ApiError | null }>({
    key: '',
    items: [],
    cursor: null,
    error: null,
  });
  const extra = more.key === key ? more : { key, items: [], cursor: null, error: null };
  const cursor = extra.key === key && extra.items.length > 0 ? extra.cursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await client.audit({ ...filters, cursor }, at);
      setMore({ key, items: [...extra.items, ...page.items], cursor: page.nextCursor, error: null });
    } catch (e) {
      setMore({ ...extra, error: toApiError(e) });
    }
  }

  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <AsOfBanner position={null} />
      <FilterForm filters={filters} />
      <CsvDownload key={JSON.stringify(filters)} filters={filters} />
      {first.error && <ErrorNote error={first.error} />}
      {first.data && (
        <>
          <EntriesTable items={[...first.data.items, ...extra.items]} />
          {extra.error && <ErrorNote error={extra.error} />}
          {cursor && (
            <button type="button" onClick={loadMore}>
              {t('more')}
            </button>
          )}
        </>
      )}
      {!first.data && !first.error && <p>{t('loading')}</p>}
    </>
  );
}

function FilterForm({ filters }: { filters: Record<Filter, string | undefined> }) {
  const { t, route } = useApp();
  const [values, setValues] = useState<Record<Filter, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, filters[f] ?? ''])) as Record<Filter, string>);
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(href(['audit'], Object.fromEntries(FILTERS.map((f) => [f, values[f].trim() || undefined])), route));
  }
  const labels: Record<Filter, MessageKey> = {
    allocation: 'navAllocation',
    household: 'household',
    disbursement: 'disbursement',
    actor: 'actor',
    decision: 'decision',
    from: 'from',
    to: 'to',
  };
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="audit-filters">
      <h2 id="audit-filters">{t('filters')}</h2>
      <div className="filter-grid">
        {FILTERS.map((f) => (
          <label key={f}>
            {t(labels[f])}
            <input
              name={f}
              type={f === 'from' || f === 'to' ? 'date' : 'text'}
              value={values[f]}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <button type="submit">{t('search')}</button>
    </form>
  );
}

function summary(e: AuditEntry): string {
  const d = e.data;
  return [d.allocationId ?? d.householdId ?? d.code ?? d.id, d.disbursementId, d.unit].filter((x): x is string => typeof x === 'string').join(' · ');
}

function EntriesTable({ items }: { items: readonly AuditEntry[] }) {
  const { t, money, lang } = useApp();
  if (items.length === 0) return <p>{t('noEntries')}</p>;
  return (
    <TableWrap label={t('auditTitle')}>
      <table>
        <caption className="visually-hidden">{t('auditTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('position')}</th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('what')}</th>
            <th scope="col">{t('decision')}</th>
            <th scope="col">{t('why')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const amount = entryAmount(e);
            const dec = e.metadata.decision;
            return (
              <tr key={e.position}>
                <td>{e.position}</td>
                <td>{formatInstant(e.recordedAt)}</td>
                <td>{`${e.actor.userId} (${translateCode(lang, 'role_', e.actor.role)})`}</td>
                <td>
                  {translateCode(lang, 'evt_', e.type)} <code>{e.type}</code> {summary(e)}
                  {amount !== null && <> · {money(amount)}</>}
                </td>
                <td>{dec ? t('decisionText', { number: dec.number, date: formatDate(dec.date), issuer: dec.issuer }) : t('none')}</td>
                <td>{e.metadata.reason ?? t('none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The whole filtered trail (every page, as of the point in view) as a CSV file built in the browser. */
function CsvDownload({ filters }: { filters: Record<Filter, string | undefined> }) {
  const { t, client, at, lang } = useApp();
  const [state, setState] = useState<{ busy: boolean; count: number; error: ApiError | null }>({ busy: false, count: 0, error: null });
  async function download() {
    setState({ busy: true, count: 0, error: null });
    try {
      const entries = await wholeAuditTrail(client, filters, at, (count) => setState((s) => ({ ...s, count })));
      saveBlob(new Blob([auditCsv(entries, lang)], { type: 'text/csv;charset=utf-8' }), `${t('auditFileName')}-${todayInVietnam()}.csv`);
      setState({ busy: false, count: entries.length, error: null });
    } catch (e) {
      setState({ busy: false, count: 0, error: toApiError(e) });
    }
  }
  return (
    <div className="inline-form spaced">
      <button type="button" className="secondary" onClick={download} disabled={state.busy}>
        {t('auditCsv')}
      </button>
      <span role="status">{state.busy ? t('auditCsvProgress', { count: state.count }) : state.count > 0 ? t('auditCsvDone', { count: state.count }) : ''}</span>
      {state.error && <ErrorNote error={state.error} />}
    </div>
  );
}
