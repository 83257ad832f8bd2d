import { useState, type FormEvent } from 'react';
import { formatInstant } from '../format/date';
import { translateCode } from '../i18n/messages';
import type { ApiError } from '../i18n/errors';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { ErrorNote, Loaded, Money, TableWrap } from '../ui/bits';
import { toApiError, useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { changesPage, type Changes, type ChangesQuery } from './api';

const COUNT = new Intl.NumberFormat('vi-VN');
const FIGURES = ['allocated', 'subAllocated', 'disbursed', 'available'] as const;

/** What was recorded between two points of the log (dates or positions), optionally under one unit. */
export function ChangesPage() {
  const { t, route } = useApp();
  const q: ChangesQuery = { from: route.params.from, to: route.params.to, unit: route.params.unit };
  return (
    <>
      <h1>{t('changesTitle')}</h1>
      <RangeForm q={q} />
      {q.from || q.to ? <Range q={q} /> : <p>{t('changesPrompt')}</p>}
    </>
  );
}

/** A bound is a log position when it is a whole number, else a day. */
function split(bound: string | undefined): { day: string; position: string } {
  if (bound && /^\d+$/.test(bound)) return { day: '', position: bound };
  return { day: bound ?? '', position: '' };
}

function RangeForm({ q }: { q: ChangesQuery }) {
  const { t, route } = useApp();
  const [from, setFrom] = useState(split(q.from));
  const [to, setTo] = useState(split(q.to));
  const [unit, setUnit] = useState(q.unit ?? '');
  const [invalid, setInvalid] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    const bound = (b: { day: string; position: string }) => b.position.trim() || b.day || undefined;
    if (![from.position, to.position].every((p) => p.trim() === '' || /^\d{1,15}$/.test(p.trim())) || (!bound(from) && !bound(to))) return setInvalid(true);
    setInvalid(false);
    navigate(href(['changes'], { from: bound(from), to: bound(to), unit: unit.trim() || undefined }, route));
  }
  return (
    <form className="card filters" onSubmit={submit} aria-labelledby="changes-range">
      <h2 id="changes-range">{t('changesRange')}</h2>
      <div className="filter-grid">
        <label>
          {t('changesFromDay')}
          <input name="fromDay" type="date" value={from.day} onChange={(e) => setFrom({ day: e.target.value, position: '' })} />
        </label>
        <label>
          {t('changesFromPosition')}
          <input name="fromPosition" inputMode="numeric" value={from.position} onChange={(e) => setFrom({ day: '', position: e.target.value })} />
        </label>
        <label>
          {t('changesToDay')}
          <input name="toDay" type="date" value={to.day} onChange={(e) => setTo({ day: e.target.value, position: '' })} />
        </label>
        <label>
          {t('changesToPosition')}
          <input name="toPosition" inputMode="numeric" value={to.position} onChange={(e) => setTo({ day: '', position: e.target.value })} />
        </label>
        <label>
          {t('changesUnit')}
          <input name="unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
      </div>
      <button type="submit">{t('show')}</button>
      {invalid && (
        <p className="error" role="alert">
          {t('changesInvalid')}
        </p>
      )}
    </form>
  );
}

function Range({ q }: { q: ChangesQuery }) {
  const { t, client } = useApp();
  const key = `changes|${JSON.stringify(q)}`;
  const first = useLoad(key, () => changesPage(client, q));
  return (
    <Loaded load={first}>
      {(c: Changes) => (
        <>
          <p className="banner" role="status">
            {t('changesSummary', { from: c.from.position, to: c.to.position, count: COUNT.format(c.recorded.events) })}
          </p>
          <ByType c={c} />
          <Moves c={c} />
          <Events key={key} first={c} q={q} />
        </>
      )}
    </Loaded>
  );
}

function ByType({ c }: { c: Changes }) {
  const { t, lang } = useApp();
  const types = Object.entries(c.recorded.byType);
  if (types.length === 0) return null;
  return (
    <section aria-labelledby="changes-by-type">
      <h2 id="changes-by-type">{t('changesByType')}</h2>
      <ul className="by-type">
        {types.map(([type, n]) => (
          <li key={type} data-type={type}>
            {translateCode(lang, 'evt_', type)}: <strong>{COUNT.format(n)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Moves({ c }: { c: Changes }) {
  const { t, route } = useApp();
  if (c.allocations.length === 0) return null;
  return (
    <section aria-labelledby="changes-allocations">
      <h2 id="changes-allocations">{t('changesAllocations')}</h2>
      <TableWrap label={t('changesAllocations')}>
        <table className="moves">
          <caption className="visually-hidden">{t('changesAllocations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocationId')}</th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('changesFigure')}</th>
              <th scope="col" className="num">
                {t('changesBefore')}
              </th>
              <th scope="col" className="num">
                {t('changesAfter')}
              </th>
              <th scope="col" className="num">
                {t('changesDelta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.allocations.flatMap((a) =>
              FIGURES.filter((f) => a.delta[f] !== 0 || a.before === null).map((f, i, shown) => (
                <tr key={`${a.id}|${f}`} data-allocation={a.id}>
                  {i === 0 && (
                    <>
                      <td rowSpan={shown.length}>
                        <a href={href(['allocations', a.id], {}, route)}>{a.id}</a>
                      </td>
                      <td rowSpan={shown.length}>
                        <UnitName code={a.unit} />
                      </td>
                    </>
                  )}
                  <td>{t(f)}</td>
                  <td className="num">{a.before === null ? t('changesNew') : <Money dong={a.before[f]} />}</td>
                  <td className="num">
                    <Money dong={a.after[f]} />
                  </td>
                  <td className="num">
                    <Money dong={a.delta[f]} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Events({ first, q }: { first: Changes; q: ChangesQuery }) {
  const { t, client, lang } = useApp();
  const [more, setMore] = useState<{ items: Changes['items']; cursor: string | null; error: ApiError | null }>({
    items: [],
    cursor: first.nextCursor,
    error: null,
  });
  const items = [...first.items, ...more.items];
  async function loadMore() {
    if (!more.cursor) return;
    try {
      const page = await changesPage(client, q, more.cursor);
      setMore({ items: [...more.items, ...page.items], cursor: page.nextCursor, error: null });
    } catch (e) {
      setMore({ ...more, error: toApiError(e) });
    }
  }
  return (
    <section aria-labelledby="changes-events">
      <h2 id="changes-events">{t('changesEvents')}</h2>
      {items.length === 0 ? (
        <p>{t('noEntries')}</p>
      ) : (
        <TableWrap label={t('changesEvents')}>
          <table>
            <caption className="visually-hidden">{t('changesEvents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('position')}</th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.position}>
                  <td>{e.position}</td>
                  <td>{formatInstant(e.recordedAt)}</td>
                  <td>{`${e.actor.userId} (${translateCode(lang, 'role_', e.actor.role)})`}</td>
                  <td>
                    {translateCode(lang, 'evt_', e.type)} <code>{e.streamId}</code>
                    {typeof e.data.amount === 'number' && (
                      <>
                        {' · '}
                        <Money dong={e.data.amount} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {more.error && <ErrorNote error={more.error} />}
      {more.cursor && (
        <button type="button" onClick={loadMore}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
