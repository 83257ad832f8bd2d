import { useEffect, useState, type FormEvent } from 'react';
import { parseDong } from '../format/money';
import { translateCode } from '../i18n/messages';
import { Field, FormOutcome } from '../allocations/field';
import { useCommandForm } from '../allocations/use-command-form';
import { useApp } from '../shell/app-context';
import { ErrorNote } from '../ui/bits';
import { householdsApi, type AssessmentCreated, type AssessmentInput } from './api';
import { standardOfYear, useStandards } from './standards';
import { classLabel, codeLabel, standardLabel } from './labels';

const FIELDS = ['reviewYear', 'reviewType', 'incomePerCapita', 'deprivations'] as const;
const REVIEW_TYPES = ['periodic', 'adhoc'] as const;
/** This year's review, or the last one a standard covers if none covers this year yet. */
const defaultYear = (standards: readonly { reviewYears: { to: number } }[] | null): string =>
  String(Math.min(new Date().getFullYear(), Math.max(0, ...(standards ?? []).map((s) => s.reviewYears.to)) || new Date().getFullYear()));

const invalid = (field: string) => ({ statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field } });

/** A yearly assessment: the server classifies it by the standard of the review year and says which rule decided. */
export function AssessForm({ householdId, onDone }: { householdId: string; onDone: () => void }) {
  const { t, lang, client } = useApp();
  const form = useCommandForm();
  const standards = useStandards();
  const [v, setV] = useState({ reviewYear: '', reviewType: 'periodic', income: '' });
  // The year field starts at the current review once the standards say which years they cover.
  useEffect(() => {
    if (standards) setV((x) => (x.reviewYear === '' ? { ...x, reviewYear: defaultYear(standards) } : x));
  }, [standards]);
  const [deprived, setDeprived] = useState<ReadonlySet<string>>(new Set());
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const year = /^\d{4}$/.test(v.reviewYear) ? Number(v.reviewYear) : null;
  const indicators = year === null ? null : (standardOfYear(standards, year)?.indicators ?? null);
  const refusedDeprivations = form.error?.field === 'deprivations' ? form.error.error : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (year === null) return form.refuse('reviewYear', invalid('reviewYear'));
    const income = parseDong(v.income);
    if (income === null) return form.refuse('incomePerCapita', invalid('incomePerCapita'));
    // Only the indicators of the year's standard are sent: a box ticked under another year's list is not.
    const deprivations = (indicators ?? []).filter((c) => deprived.has(c));
    let created: AssessmentCreated | null = null;
    await form.submit(
      async (key) =>
        (created = await householdsApi(client).assess(
          householdId,
          { reviewYear: year, reviewType: v.reviewType as AssessmentInput['reviewType'], incomePerCapita: income, deprivations },
          key,
        )),
      () => {
        const c = created!;
        setV((x) => ({ ...x, income: '' }));
        setDeprived(new Set());
        onDone();
        return (app) =>
          [
            app.t('assessed', { class: classLabel(app.t, c.classification), standard: standardLabel(app.t, c.standard) }),
            c.previousClassification && c.previousClassification !== c.classification
              ? app.t('reclassifiedFrom', { class: classLabel(app.t, c.previousClassification) })
              : '',
          ]
            .filter(Boolean)
            .join(' ');
      },
    );
  }

  const toggle = (code: string) =>
    setDeprived((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="assess" noValidate>
      <h2 id="assess">{t('assessTitle')}</h2>
      <div className="form-row">
        <Field form={form} prefix="assess" name="reviewYear" label={t('reviewYear')}>
          {(p) => <input {...p} inputMode="numeric" value={v.reviewYear} onChange={set('reviewYear')} required />}
        </Field>
        <Field form={form} prefix="assess" name="reviewType" label={t('reviewType')}>
          {(p) => (
            <select {...p} value={v.reviewType} onChange={set('reviewType')}>
              {REVIEW_TYPES.map((r) => (
                <option key={r} value={r}>
                  {codeLabel(t, r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} prefix="assess" name="incomePerCapita" label={t('incomePerCapita')} hint={t('incomeHint')}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={v.income} onChange={set('income')} required />}
        </Field>
      </div>
      <fieldset className={refusedDeprivations ? 'checks invalid' : 'checks'} aria-describedby={refusedDeprivations ? 'assess-deprivations-error' : undefined}>
        {indicators ? (
          <>
            <legend>{t('deprivationsLegend', { count: indicators.length, year: year! })}</legend>
            {indicators.map((code) => (
              <label key={code}>
                <input type="checkbox" name="deprivations" value={code} checked={deprived.has(code)} onChange={() => toggle(code)} />
                {translateCode(lang, 'ind_', code)}
              </label>
            ))}
          </>
        ) : (
          <>
            <legend>{t('deprivedIn')}</legend>
            <p className="hint">{t('noStandardForYear')}</p>
          </>
        )}
        {refusedDeprivations && <ErrorNote error={refusedDeprivations} id="assess-deprivations-error" />}
      </fieldset>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('assessSubmit')}
      </button>
    </form>
  );
}
