import { useState, type FormEvent } from 'react';
import { parseDong } from '../format/money';
import { useApp } from '../shell/app-context';
import { DecisionFields, decisionOf, NO_DECISION } from './decision-fields';
import { Field, FormOutcome } from './field';
import { useCommandForm } from './use-command-form';

const FIELDS = ['id', 'unit', 'amount', 'decision.number', 'decision.date', 'decision.issuer'] as const;

/** Passing part of this allocation down to a unit below it: a new allocation on the same budget line. */
export function SubAllocateForm({ parentId, onDone }: { parentId: string; onDone: () => void }) {
  const { t, client } = useApp();
  const form = useCommandForm();
  const [id, setId] = useState('');
  const [unit, setUnit] = useState('');
  const [amount, setAmount] = useState('');
  const [decision, setDecision] = useState(NO_DECISION);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const dong = parseDong(amount);
    if (dong === null || dong === 0) {
      return form.refuse('amount', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'amount' } });
    }
    const body = { ...(id.trim() ? { id: id.trim() } : {}), parentId, unit: unit.trim(), amount: dong, decision: decisionOf(decision) };
    await form.submit(
      (key) => client.subAllocate(body, key),
      (w) => {
        setId('');
        setAmount('');
        onDone();
        return (app) => app.t('subAllocatedDone', { id: w.id ?? '', amount: app.money(dong) });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="sub-allocate" noValidate>
      <h2 id="sub-allocate">{t('subAllocate')}</h2>
      <Field form={form} prefix="sub" name="unit" label={t('childUnit')}>
        {(p) => <input {...p} autoComplete="off" value={unit} onChange={(e) => setUnit(e.target.value)} required />}
      </Field>
      <Field form={form} prefix="sub" name="amount" label={t('amount')} hint={t('amountHint')}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} required />}
      </Field>
      <Field form={form} prefix="sub" name="id" label={`${t('childId')} ${t('optional')}`}>
        {(p) => <input {...p} autoComplete="off" value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
      <DecisionFields form={form} prefix="sub" values={decision} onChange={setDecision} />
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('subAllocateSubmit')}
      </button>
    </form>
  );
}
