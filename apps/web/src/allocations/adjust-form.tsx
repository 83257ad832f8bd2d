import { useState, type FormEvent } from 'react';
import { parseDong } from '../format/money';
import { useApp } from '../shell/app-context';
import { DecisionFields, decisionOf, NO_DECISION } from './decision-fields';
import { Field, FormOutcome } from './field';
import { useCommandForm } from './use-command-form';

const FIELDS = ['delta', 'reason', 'decision.number', 'decision.date', 'decision.issuer'] as const;

/** A signed change of the granted amount (an increase or a reduction), under a decision and with a reason. */
export function AdjustForm({ allocationId, onDone }: { allocationId: string; onDone: () => void }) {
  const { t, client } = useApp();
  const form = useCommandForm();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState(NO_DECISION);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = delta.trim();
    const negative = text.startsWith('-') || text.startsWith('−');
    const magnitude = parseDong(negative ? text.slice(1) : text);
    if (magnitude === null || magnitude === 0) {
      return form.refuse('delta', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'delta' } });
    }
    const signed = negative ? -magnitude : magnitude;
    await form.submit(
      (key) => client.adjustAllocation(allocationId, { delta: signed, decision: decisionOf(decision), reason: reason.trim() }, key),
      () => {
        setDelta('');
        setReason('');
        onDone();
        return (app) => app.t('adjusted', { id: allocationId, amount: `${signed < 0 ? '−' : '+'}${app.money(magnitude)}` });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="adjust-allocation" noValidate>
      <h2 id="adjust-allocation">{t('adjustAllocation')}</h2>
      <Field form={form} prefix="adj" name="delta" label={t('delta')} hint={t('deltaHint')}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={delta} onChange={(e) => setDelta(e.target.value)} required />}
      </Field>
      <DecisionFields form={form} prefix="adj" values={decision} onChange={setDecision} />
      <Field form={form} prefix="adj" name="reason" label={t('reason')}>
        {(p) => <input {...p} autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('adjustSubmit')}
      </button>
    </form>
  );
}
