import { useApp } from '../shell/app-context';
import { Field } from './field';
import type { CommandForm } from './use-command-form';

export type DecisionValues = { number: string; date: string; issuer: string };
export const NO_DECISION: DecisionValues = { number: '', date: '', issuer: '' };

/** The legal document every adjustment and sub-allocation is recorded under; refusals name `decision.<field>`. */
export function DecisionFields({
  form,
  prefix,
  values,
  onChange,
}: {
  form: CommandForm;
  prefix: string;
  values: DecisionValues;
  onChange: (v: DecisionValues) => void;
}) {
  const { t } = useApp();
  const set = (k: keyof DecisionValues) => (e: { target: { value: string } }) => onChange({ ...values, [k]: e.target.value });
  return (
    <>
      <Field form={form} prefix={prefix} name="decision.number" label={t('decisionNumber')}>
        {(p) => <input {...p} autoComplete="off" value={values.number} onChange={set('number')} required />}
      </Field>
      <Field form={form} prefix={prefix} name="decision.date" label={t('decisionDate')}>
        {(p) => <input {...p} type="date" value={values.date} onChange={set('date')} required />}
      </Field>
      <Field form={form} prefix={prefix} name="decision.issuer" label={t('decisionIssuer')}>
        {(p) => <input {...p} autoComplete="off" value={values.issuer} onChange={set('issuer')} required />}
      </Field>
    </>
  );
}

export const decisionOf = (v: DecisionValues) => ({ number: v.number.trim(), date: v.date, issuer: v.issuer.trim() });
