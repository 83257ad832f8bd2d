import { formatInstant } from '../format/date';
import { translateCode } from '../i18n/messages';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { Loaded, Money, TableWrap } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { householdsApi, type Household, type PovertyStandard } from './api';
import { mayReview } from './access';
import { AssessForm } from './assess-form';
import { classLabel, codeLabel, standardLabel } from './labels';
import { standardOfYear, useStandards } from './standards';

/** A household: its facts, every assessment with the standard and rule that decided it, and its changes of class. */
export function HouseholdPage({ id }: { id: string }) {
  const { t, client, at, me } = useApp();
  const load = useLoad(`household|${id}|${JSON.stringify(at)}`, () => householdsApi(client).get(id, at));
  const past = Boolean(at.asOf || at.atPosition);
  return (
    <>
      <h1>{t('householdTitle', { id })}</h1>
      <AsOfBanner position={load.data?.at.position ?? null} />
      <Loaded load={load}>
        {(h) => (
          <>
            <Facts h={h} />
            <Assessments h={h} />
            <Reclassifications h={h} />
            {mayReview(me) && (
              <div className="household-forms">
                {past ? <p className="notice">{t('asOfNoWrites')}</p> : <AssessForm householdId={h.id} onDone={load.reload} />}
              </div>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function Facts({ h }: { h: Household }) {
  const { t, route } = useApp();
  return (
    <dl className="facts">
      <dt>{t('currentClass')}</dt>
      <dd data-current-class={h.current?.classification ?? ''}>
        {h.current ? (
          <>
            <strong>{classLabel(t, h.current.classification)}</strong> ({t('reviewYear')} {h.current.reviewYear}; {standardLabel(t, h.current.standard)})
          </>
        ) : (
          t('notAssessed')
        )}
      </dd>
      <dt>{t('headName')}</dt>
      <dd>{h.headName ?? t('none')}</dd>
      <dt>{t('unit')}</dt>
      <dd>
        <a href={href(['households'], { unit: h.unit }, route)}>
          <UnitName code={h.unit} />
        </a>
      </dd>
      <dt>{t('area')}</dt>
      <dd>{codeLabel(t, h.area)}</dd>
      <dt>{t('members')}</dt>
      <dd>{h.members}</dd>
      <dt>{t('ethnicMinority')}</dt>
      <dd>{h.ethnicMinority === null ? t('none') : h.ethnicMinority ? t('yes') : t('no')}</dd>
      <dt>{t('registeredAt')}</dt>
      <dd>{formatInstant(h.registeredAt)}</dd>
    </dl>
  );
}

function Assessments({ h }: { h: Household }) {
  const { t, lang } = useApp();
  const standards = useStandards();
  return (
    <section aria-labelledby="assessments">
      <h2 id="assessments">{t('assessments')}</h2>
      {h.assessments.length === 0 ? (
        <p>{t('noAssessments')}</p>
      ) : (
        <TableWrap label={t('assessments')}>
          <table className="assessments">
            <thead>
              <tr>
                <th scope="col">{t('reviewYear')}</th>
                <th scope="col">{t('reviewType')}</th>
                <th scope="col" className="num">
                  {t('incomePerCapita')}
                </th>
                <th scope="col">{t('deprivedIn')}</th>
                <th scope="col">{t('classification')}</th>
                <th scope="col">{t('standard')}</th>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {/* Newest first: the latest review is what a visitor comes for. */}
              {[...h.assessments].reverse().map((a) => (
                <tr key={a.id} data-assessment={a.id}>
                  <th scope="row">{a.reviewYear}</th>
                  <td>{codeLabel(t, a.reviewType)}</td>
                  <td className="num">
                    <Money dong={a.incomePerCapita} />
                  </td>
                  <td>
                    {t('deprivedCount', { count: a.deprivations.length, total: standards?.find((s) => s.id === a.standard)?.indicators.length ?? '?' })}
                    {a.deprivations.length > 0 && (
                      <ul className="compact">
                        {a.deprivations.map((d) => (
                          <li key={d}>{translateCode(lang, 'ind_', d)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-class={a.classification}>
                    <strong>{classLabel(t, a.classification)}</strong>
                  </td>
                  <td>
                    {standardLabel(t, a.standard)}
                    <StandardLines standard={standards?.find((s) => s.id === a.standard) ?? standardOfYear(standards, a.reviewYear)} area={h.area} />
                  </td>
                  {/* The rule as the ledger recorded it when it classified: its own words, which are English. */}
                  <td className="rule" lang="en">
                    {a.rule}
                  </td>
                  <td>
                    {a.recordedBy}
                    <br />
                    <small>{formatInstant(a.recordedAt)}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function Reclassifications({ h }: { h: Household }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="reclassifications">
      <h2 id="reclassifications">{t('reclassifications')}</h2>
      {h.reclassifications.length === 0 ? (
        <p>{t('noReclassifications')}</p>
      ) : (
        <TableWrap label={t('reclassifications')}>
          <table className="reclassifications">
            <thead>
              <tr>
                <th scope="col">{t('reviewYear')}</th>
                <th scope="col">{t('fromClass')}</th>
                <th scope="col">{t('toClass')}</th>
                <th scope="col">{t('standard')}</th>
                <th scope="col">{t('recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {[...h.reclassifications].reverse().map((r) => (
                <tr key={r.assessmentId}>
                  <th scope="row">{r.reviewYear}</th>
                  <td>{classLabel(t, r.from)}</td>
                  <td>
                    <strong>{classLabel(t, r.to)}</strong>
                  </td>
                  <td>{standardLabel(t, r.standard)}</td>
                  <td>{formatInstant(r.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** The lines of the standard for the household's area, in the user's language, beside the rule the ledger recorded. */
function StandardLines({ standard, area }: { standard: PovertyStandard | null; area: string }) {
  const { t, lang, money } = useApp();
  const lines = standard?.thresholds[area as 'rural' | 'urban'];
  if (!standard || !lines) return null;
  return (
    <small className="standard-lines">
      {t('standardLines', {
        area: lang === 'vi' ? codeLabel(t, area).toLowerCase() : codeLabel(t, area),
        povertyLine: money(lines.povertyLine),
        upperBound: money(lines.upperBound),
        threshold: standard.deprivationThreshold,
        count: standard.indicators.length,
      })}
      {lines.nearPoorLine !== null && ` ${t('nearPoorLine', { nearPoorLine: money(lines.nearPoorLine) })}`}
    </small>
  );
}
