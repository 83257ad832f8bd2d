import { useState, type FormEvent } from 'react';
import { translateCode } from '../i18n/messages';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { Loaded, TableWrap } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { householdsApi, PAGE_SIZE, type HouseholdFilters, type HouseholdListItem } from './api';
import { useStandards } from './standards';
import { CLASSES, classLabel, codeLabel } from './labels';

const FILTERS = ['unit', 'reviewYear', 'classification', 'deprivation', 'q'] as const;
const COUNT = new Intl.NumberFormat('vi-VN');

/**
 * The households in scope with their current class, filtered as the URL says. A district has
 * thousands: the page holds one page of the API's cursor at a time (the DOM stays small) and
 * remembers the cursors it came through, so "previous" needs no second reading of the list.
 * The API gives no count, and none is needed to page: the statistics tab counts.
 */
export function ListPage() {
  const { t, route, client, at } = useApp();
  const filters: HouseholdFilters = Object.fromEntries(FILTERS.map((k) => [k, route.params[k]]).filter(([, v]) => v));
  const cursor = route.params.cursor;
  const filterKey = JSON.stringify([filters, at]);
  // The page's number rides in the URL beside its cursor, so a shared link says where it is.
  const page = cursor === undefined ? 1 : /^[1-9]\d{0,5}$/.test(route.params.page ?? '') ? Number(route.params.page) : null;
  // The cursors of the pages seen, by number, for "previous"; other filters, or another "as of" point, start again.
  const [trail, setTrail] = useState<{ key: string; cursors: Readonly<Record<number, string>> }>({ key: filterKey, cursors: {} });
  const cursors = trail.key === filterKey ? trail.cursors : {};
  const load = useLoad(`households|${filterKey}|${cursor ?? ''}`, () => householdsApi(client).list({ ...filters, cursor }, at));

  const go = (to: number, next: string | undefined) => {
    if (next !== undefined) setTrail({ key: filterKey, cursors: { ...cursors, [to]: next } });
    navigate(href(['households'], { ...filters, cursor: next, page: next === undefined ? undefined : String(to) }, route));
  };
  const previous =
    page === null || page <= 1 ? null : page === 2 ? { to: 1, cursor: undefined } : cursors[page - 1] ? { to: page - 1, cursor: cursors[page - 1] } : null;

  return (
    <>
      <h1>{t('householdsListTitle')}</h1>
      <Filters key={JSON.stringify(filters)} filters={filters} />
      <AsOfBanner position={load.data?.at.position ?? null} />
      <Loaded load={load}>
        {(p) => (
          <section aria-labelledby="households-page">
            <h2 id="households-page">
              {p.items.length === 0
                ? t('noHouseholds')
                : page === null
                  ? t('householdsOnPage', { count: COUNT.format(p.items.length) })
                  : t('pageRows', { page, from: COUNT.format((page - 1) * PAGE_SIZE + 1), to: COUNT.format((page - 1) * PAGE_SIZE + p.items.length) })}
            </h2>
            {p.items.length > 0 && <HouseholdsTable items={p.items} reviewYear={filters.reviewYear} />}
            <div className="pager">
              {page !== 1 && (
                <button type="button" className="secondary" onClick={() => go(1, undefined)}>
                  {t('firstPage')}
                </button>
              )}
              {previous && (
                <button type="button" className="secondary" onClick={() => go(previous.to, previous.cursor)}>
                  {t('prevPage')}
                </button>
              )}
              {p.nextCursor && (
                <button type="button" onClick={() => go(page === null ? 0 : page + 1, p.nextCursor!)}>
                  {t('nextPage')}
                </button>
              )}
            </div>
          </section>
        )}
      </Loaded>
    </>
  );
}

function Filters({ filters }: { filters: HouseholdFilters }) {
  const { t, lang, route } = useApp();
  const standards = useStandards();
  // Every indicator of any standard, newest standard's order first; one asked for in the URL is kept even before they come.
  const indicators = [...new Set([...[...(standards ?? [])].reverse().flatMap((s) => s.indicators), ...(filters.deprivation ? [filters.deprivation] : [])])];
  const [v, setV] = useState({
    unit: filters.unit ?? '',
    reviewYear: filters.reviewYear ?? '',
    classification: filters.classification ?? '',
    deprivation: filters.deprivation ?? '',
    q: filters.q ?? '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(
      href(
        ['households'],
        { unit: v.unit.trim(), reviewYear: v.reviewYear.trim(), classification: v.classification, deprivation: v.deprivation, q: v.q.trim() },
        route,
      ),
    );
  }
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="household-filters">
      <h2 id="household-filters">{t('filters')}</h2>
      <div className="filter-grid">
        <label>
          {t('unit')}
          <input name="unit" value={v.unit} onChange={set('unit')} autoComplete="off" />
        </label>
        <label>
          {t('reviewYear')}
          <input
            name="reviewYear"
            inputMode="numeric"
            pattern="[0-9]{4}"
            placeholder={t('anyYear')}
            value={v.reviewYear}
            onChange={set('reviewYear')}
            autoComplete="off"
          />
        </label>
        <label>
          {t('classification')}
          <select name="classification" value={v.classification} onChange={set('classification')}>
            <option value="">{t('anyClass')}</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {classLabel(t, c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('deprivation')}
          <select name="deprivation" value={v.deprivation} onChange={set('deprivation')}>
            <option value="">{t('anyIndicator')}</option>
            {indicators.map((c) => (
              <option key={c} value={c}>
                {translateCode(lang, 'ind_', c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('nameOrId')}
          <input name="q" type="search" value={v.q} onChange={set('q')} autoComplete="off" />
        </label>
      </div>
      <button type="submit">{t('search')}</button>
    </form>
  );
}

function HouseholdsTable({ items, reviewYear }: { items: readonly HouseholdListItem[]; reviewYear: string | undefined }) {
  const { t, route } = useApp();
  return (
    <TableWrap label={t('householdsListTitle')}>
      <table className="households">
        <thead>
          <tr>
            <th scope="col">{t('householdId')}</th>
            <th scope="col">{t('headName')}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('area')}</th>
            <th scope="col" className="num">
              {t('members')}
            </th>
            <th scope="col">{t('currentClass')}</th>
            <th scope="col">{reviewYear ? `${t('classification')} ${reviewYear}` : t('reviewYear')}</th>
            <th scope="col" className="num">
              {t('deprivedIn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id} data-household={h.id}>
              <th scope="row">
                <a href={href(['households', h.id], {}, route)}>{h.id}</a>
              </th>
              <td>{h.headName ?? t('none')}</td>
              <td>
                <UnitName code={h.unit} />
              </td>
              <td>{codeLabel(t, h.area)}</td>
              <td className="num">{h.members}</td>
              <td data-class={h.classification ?? ''}>{h.classification ? classLabel(t, h.classification) : t('notAssessed')}</td>
              <td>{h.assessment ? (reviewYear ? classLabel(t, h.assessment.classification) : h.assessment.reviewYear) : t('none')}</td>
              <td className="num">{h.assessment ? h.assessment.deprivations.length : t('none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
