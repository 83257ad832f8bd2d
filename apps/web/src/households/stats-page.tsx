import { useState, type FormEvent, type ReactNode } from 'react';
import type { HouseholdFigures, HouseholdStats } from '../api/types';
import { barWidth, formatRate } from '../format/rate';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { Loaded, TableWrap } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { translateCode } from '../i18n/messages';
import { standardOfYear, useStandards } from './standards';
import { CLASSES, classLabel, standardLabel } from './labels';

const COUNT = new Intl.NumberFormat('vi-VN');

/** Counts and rates of the poverty review over a unit's subtree, and deprivations per indicator. */
export function StatsPage() {
  const { t, route, me } = useApp();
  const unit = route.params.unit ?? me?.units[0] ?? '';
  const year = /^\d{4}$/.test(route.params.reviewYear ?? '') ? route.params.reviewYear! : String(new Date().getFullYear());
  return (
    <>
      <h1>{t('householdsTitle')}</h1>
      <StatsForm unit={unit} year={year} />
      {unit ? <Stats unit={unit} year={year} /> : <p>{t('unitRequired')}</p>}
    </>
  );
}

function StatsForm({ unit, year }: { unit: string; year: string }) {
  const { t, route } = useApp();
  const [u, setU] = useState(unit);
  const [y, setY] = useState(year);
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(href(['households', 'stats'], { unit: u.trim() || undefined, reviewYear: y }, route));
  }
  return (
    <form className="inline-form spaced" onSubmit={submit}>
      <label htmlFor="hh-unit">{t('unit')}</label>
      <input id="hh-unit" name="unit" value={u} onChange={(e) => setU(e.target.value)} />
      <label htmlFor="hh-year">{t('reviewYear')}</label>
      <input id="hh-year" name="reviewYear" type="number" min={2016} max={2100} value={y} onChange={(e) => setY(e.target.value)} />
      <button type="submit">{t('show')}</button>
    </form>
  );
}

function Stats({ unit, year }: { unit: string; year: string }) {
  const { t, client, at } = useApp();
  const load = useLoad(`hh|${unit}|${year}|${JSON.stringify(at)}`, () => client.householdStats({ unit, reviewYear: Number(year) }, at));
  return (
    <>
      <AsOfBanner position={load.data?.readPosition ?? null} />
      <Loaded load={load}>
        {(s: HouseholdStats) => (
          <>
            <TableWrap label={t('householdsTitle')}>
              <table>
                <caption className="visually-hidden">{t('householdsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('unit')}</th>
                    <th scope="col" className="num">
                      {t('households')}
                    </th>
                    <th scope="col" className="num">
                      {t('poor')}
                    </th>
                    <th scope="col" className="num">
                      {t('poorRate')}
                    </th>
                    <th scope="col" className="num">
                      {t('nearPoor')}
                    </th>
                    <th scope="col" className="num">
                      {t('nearPoorRate')}
                    </th>
                    <th scope="col" className="num">
                      {t('average')}
                    </th>
                    <th scope="col" className="num">
                      {t('notPoor')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.byUnit.map((row) => (
                    <Row key={row.unit} label={<UnitName code={row.unit} />} f={row} />
                  ))}
                </tbody>
                <tfoot>
                  <Row label={<UnitName code={s.unit} />} f={s} header />
                </tfoot>
              </table>
            </TableWrap>
            <ByClass s={s} />
            <Deprivations s={s} />
          </>
        )}
      </Loaded>
    </>
  );
}

function Row({ label, f, header }: { label: ReactNode; f: HouseholdFigures; header?: boolean }) {
  return (
    <tr>
      {header ? <th scope="row">{label}</th> : <td>{label}</td>}
      <td className="num">{COUNT.format(f.households)}</td>
      <td className="num">{COUNT.format(f.byClassification.poor)}</td>
      <td className="num">{formatRate(f.rates.poor)}</td>
      <td className="num">{COUNT.format(f.byClassification.near_poor)}</td>
      <td className="num">{formatRate(f.rates.near_poor)}</td>
      <td className="num">{COUNT.format(f.byClassification.average)}</td>
      <td className="num">{COUNT.format(f.byClassification.not_poor)}</td>
    </tr>
  );
}

function ByClass({ s }: { s: HouseholdStats }) {
  const { t } = useApp();
  if (s.households === 0) return null;
  return (
    <section aria-labelledby="by-class">
      <h2 id="by-class">{t('byClassChart')}</h2>
      <ul className="bars">
        {CLASSES.map((c) => (
          <li key={c} data-class={c}>
            <span className="bar-label">
              {classLabel(t, c)}: {COUNT.format(s.byClassification[c])} ({formatRate(s.rates[c])})
            </span>
            <span className="bar" aria-hidden="true">
              <span className={`bar-fill class-${c}`} style={{ width: `${barWidth(s.byClassification[c], s.households).toFixed(2)}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Every indicator of the review year's standard (12 or 10), in its legal text's order, those no
 * household lacks included at zero; an indicator the server counts that the console does not know
 * is shown after them.
 */
function Deprivations({ s }: { s: HouseholdStats }) {
  const { t, lang } = useApp();
  const standard = standardOfYear(useStandards(), s.reviewYear);
  const known: readonly string[] = standard?.indicators ?? [];
  const counts: Readonly<Record<string, number | undefined>> = s.deprivations;
  const codes = [...known, ...Object.keys(counts).filter((c) => !known.includes(c))];
  if (codes.length === 0 || s.households === 0) return null;
  return (
    <section aria-labelledby="deprivations">
      <h2 id="deprivations">{t('deprivations')}</h2>
      {standard && <p>{t('indicatorsOfStandard', { standard: standardLabel(t, standard.id), count: known.length })}</p>}
      <p className="hint">{t('chartScale', { households: COUNT.format(s.households) })}</p>
      <ul className="bars">
        {codes.map((code) => {
          const n = counts[code] ?? 0;
          return (
            <li key={code} data-indicator={code}>
              <span className="bar-label">
                {translateCode(lang, 'ind_', code)}:{' '}
                {t('deprivedOf', { count: COUNT.format(n), rate: formatRate(Math.round((n / s.households) * 10_000) / 100) })}
              </span>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${barWidth(n, s.households).toFixed(2)}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
