import { useState, type FormEvent } from 'react';
import type { Payment } from '../api/types';
import { formatDate } from '../format/date';
import { useApp } from '../shell/app-context';
import { Field, FormOutcome } from './field';
import { useCommandForm } from './use-command-form';

const FIELDS = ['disbursement', 'reason'] as const;

/** A wrong payment is never edited: it is reversed by a new entry that says why. */
export function ReversePaymentForm({ payments, onDone }: { payments: readonly Payment[]; onDone: () => void }) {
  const { t, client, money } = useApp();
  const form = useCommandForm();
  const [paymentId, setPaymentId] = useState('');
  const [reason, setReason] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!paymentId) return form.refuse('disbursement', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'disbursement' } });
    await form.submit(
      (key) => client.reverseDisbursement(paymentId, { reason: reason.trim() }, key),
      () => {
        const id = paymentId;
        setPaymentId('');
        setReason('');
        onDone();
        return (app) => app.t('reversed', { id });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="reverse-payment" noValidate>
      <h2 id="reverse-payment">{t('reversePayment')}</h2>
      <Field form={form} prefix="rev" name="disbursement" label={t('payment')}>
        {(p) => (
          <select {...p} value={paymentId} onChange={(e) => setPaymentId(e.target.value)} required>
            <option value="">{t('choose')}</option>
            {payments.map((x) => (
              <option key={x.id} value={x.id}>
                {`${x.id} · ${x.voucher} · ${formatDate(x.valueDate)} · ${money(x.amount)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} prefix="rev" name="reason" label={t('reason')}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('reversePaymentSubmit')}
      </button>
    </form>
  );
}
