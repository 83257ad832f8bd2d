import { useState, type FormEvent } from 'react';
import { todayInVietnam } from '../format/date';
import { parseDong } from '../format/money';
import { useApp } from '../shell/app-context';
import { Field, FormOutcome } from './field';
import { useCommandForm } from './use-command-form';

const FIELDS = ['amount', 'valueDate', 'voucher', 'payee', 'purpose'] as const;

export function RecordPaymentForm({ allocationId, onDone }: { allocationId: string; onDone: () => void }) {
  const { t, client } = useApp();
  const form = useCommandForm();
  const [values, setValues] = useState({ amount: '', valueDate: todayInVietnam(), voucher: '', payee: '', purpose: '' });
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = parseDong(values.amount);
    if (amount === null || amount === 0) {
      return form.refuse('amount', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'amount' } });
    }
    const body = {
      amount,
      valueDate: values.valueDate,
      voucher: values.voucher.trim(),
      ...(values.payee.trim() ? { payee: values.payee.trim() } : {}),
      ...(values.purpose.trim() ? { purpose: values.purpose.trim() } : {}),
    };
    await form.submit(
      (key) => client.recordDisbursement(allocationId, body, key),
      (w) => {
        setValues({ amount: '', valueDate: values.valueDate, voucher: '', payee: '', purpose: '' });
        onDone();
        return (app) => app.t('recorded', { id: w.id ?? '', amount: app.money(amount) });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="record-payment" noValidate>
      <h2 id="record-payment">{t('recordPayment')}</h2>
      <Field form={form} prefix="pay" name="amount" label={t('amount')} hint={t('amountHint')}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={values.amount} onChange={set('amount')} required />}
      </Field>
      <Field form={form} prefix="pay" name="valueDate" label={t('valueDate')}>
        {(p) => <input {...p} type="date" value={values.valueDate} onChange={set('valueDate')} required />}
      </Field>
      <Field form={form} prefix="pay" name="voucher" label={t('voucher')}>
        {(p) => <input {...p} autoComplete="off" value={values.voucher} onChange={set('voucher')} required />}
      </Field>
      <Field form={form} prefix="pay" name="payee" label={`${t('payee')} ${t('optional')}`}>
        {(p) => <input {...p} autoComplete="off" value={values.payee} onChange={set('payee')} />}
      </Field>
      <Field form={form} prefix="pay" name="purpose" label={`${t('purpose')} ${t('optional')}`}>
        {(p) => <input {...p} autoComplete="off" value={values.purpose} onChange={set('purpose')} />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('recordPaymentSubmit')}
      </button>
    </form>
  );
}
