import { useState, type FormEvent } from 'react';
import { Field, FormOutcome } from '../allocations/field';
import { useCommandForm } from '../allocations/use-command-form';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { householdsApi, type Registration } from './api';
import { mayReview } from './access';
import { codeLabel } from './labels';

const FIELDS = ['id', 'unit', 'area', 'members', 'headName', 'ethnicMinority'] as const;
const AREAS = ['rural', 'urban'] as const;

export function RegisterPage() {
  const { t, me, at } = useApp();
  const past = Boolean(at.asOf || at.atPosition);
  return (
    <>
      <h1 id="register">{t('registerTitle')}</h1>
      {!mayReview(me) ? <p className="notice">{t('forbiddenHere')}</p> : past ? <p className="notice">{t('asOfNoWrites')}</p> : <RegisterForm />}
    </>
  );
}

/** A household of a commune; its class comes later, from its assessments. */
function RegisterForm() {
  const { t, client, route, me } = useApp();
  const form = useCommandForm();
  const [v, setV] = useState({ id: '', unit: route.params.unit ?? me?.units[0] ?? '', area: 'rural', members: '', headName: '', ethnicMinority: false });
  const [registered, setRegistered] = useState<string | null>(null);
  const set = (k: 'id' | 'unit' | 'area' | 'members' | 'headName') => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const members = /^\d{1,4}$/.test(v.members.trim()) ? Number(v.members.trim()) : null;
    if (members === null) return form.refuse('members', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'members' } });
    const id = v.id.trim();
    const body = {
      id,
      unit: v.unit.trim(),
      area: v.area as Registration['area'],
      members,
      ...(v.headName.trim() ? { headName: v.headName.trim() } : {}),
      ethnicMinority: v.ethnicMinority,
    };
    setRegistered(null);
    await form.submit(
      (key) => householdsApi(client).register(body, key),
      () => {
        setRegistered(id);
        setV((x) => ({ ...x, id: '', members: '', headName: '', ethnicMinority: false }));
        return (app) => app.t('householdRegistered', { id });
      },
    );
  }

  // A taken id concerns the id field, whatever the server names in its details.
  const shown =
    form.error && form.error.field === null && form.error.error.code === 'ALREADY_EXISTS' ? { ...form, error: { ...form.error, field: 'id' } } : form;

  return (
    <form className="card command narrow" onSubmit={submit} aria-labelledby="register" noValidate>
      <Field form={shown} prefix="reg" name="id" label={t('householdId')}>
        {(p) => <input {...p} autoComplete="off" value={v.id} onChange={set('id')} required />}
      </Field>
      <Field form={shown} prefix="reg" name="unit" label={t('unit')} hint={t('unitCommuneHint')}>
        {(p) => <input {...p} autoComplete="off" value={v.unit} onChange={set('unit')} required />}
      </Field>
      <Field form={shown} prefix="reg" name="area" label={t('area')}>
        {(p) => (
          <select {...p} value={v.area} onChange={set('area')}>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {codeLabel(t, a)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={shown} prefix="reg" name="members" label={t('members')}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={v.members} onChange={set('members')} required />}
      </Field>
      <Field form={shown} prefix="reg" name="headName" label={`${t('headName')} ${t('optional')}`}>
        {(p) => <input {...p} autoComplete="off" value={v.headName} onChange={set('headName')} />}
      </Field>
      <div className="field check">
        <label>
          <input type="checkbox" name="ethnicMinority" checked={v.ethnicMinority} onChange={(e) => setV((x) => ({ ...x, ethnicMinority: e.target.checked }))} />
          {t('ethnicMinority')}
        </label>
      </div>
      <FormOutcome form={shown} fields={FIELDS} />
      {registered && (
        <p>
          <a href={href(['households', registered], {}, route)}>{t('openHousehold', { id: registered })}</a>
        </p>
      )}
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('registerSubmit')}
      </button>
    </form>
  );
}
