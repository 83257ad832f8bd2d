import { useState, type FormEvent } from 'react';
import { Field, FormOutcome } from '../allocations/field';
import { useCommandForm } from '../allocations/use-command-form';
import { translateCode } from '../i18n/messages';
import { useApp } from '../shell/app-context';
import { Loaded, TableWrap } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { listUnits, registerUnit, UNIT_LEVELS, type NewUnit, type UnitRow } from './api';

const FIELDS = ['code', 'name', 'level', 'parent'] as const;

export function UnitsPanel() {
  const { t, client } = useApp();
  const units = useLoad('admin|units', () => listUnits(client));
  return (
    <section aria-labelledby="admin-units">
      <h2 id="admin-units">{t('adminUnits')}</h2>
      <div className="forms">
        <NewUnitForm onDone={units.reload} />
      </div>
      <Loaded load={units}>{(items: readonly UnitRow[]) => <UnitsTable items={items} />}</Loaded>
    </section>
  );
}

function UnitsTable({ items }: { items: readonly UnitRow[] }) {
  const { t, lang } = useApp();
  return (
    <TableWrap label={t('adminUnits')}>
      <table className="admin-units">
        <caption className="visually-hidden">{t('adminUnits')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminCode')}</th>
            <th scope="col">{t('adminName')}</th>
            <th scope="col">{t('adminLevel')}</th>
            <th scope="col">{t('adminParent')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.code} data-unit={u.code}>
              <td>{u.code}</td>
              <td>{u.name}</td>
              <td>{translateCode(lang, 'level_', u.level)}</td>
              <td>{u.parent ?? t('none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function NewUnitForm({ onDone }: { onDone: () => void }) {
  const { t, client, lang } = useApp();
  const form = useCommandForm();
  const empty = { code: '', name: '', level: 'commune', parent: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: NewUnit = { code: v.code.trim(), name: v.name.trim(), level: v.level as NewUnit['level'], parent: v.parent.trim() || undefined };
    await form.submit(
      (key) => registerUnit(client, body, key),
      () => {
        setV(empty);
        onDone();
        return (app) => app.t('adminUnitCreated', { code: body.code });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="new-unit" noValidate>
      <h3 id="new-unit">{t('adminNewUnit')}</h3>
      <Field form={form} prefix="unit" name="code" label={t('adminCode')}>
        {(p) => <input {...p} value={v.code} onChange={set('code')} required />}
      </Field>
      <Field form={form} prefix="unit" name="name" label={t('adminName')}>
        {(p) => <input {...p} value={v.name} onChange={set('name')} required />}
      </Field>
      <Field form={form} prefix="unit" name="level" label={t('adminLevel')}>
        {(p) => (
          <select {...p} value={v.level} onChange={set('level')}>
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {translateCode(lang, 'level_', l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} prefix="unit" name="parent" label={`${t('adminParent')} ${t('optional')}`}>
        {(p) => <input {...p} value={v.parent} onChange={set('parent')} />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('adminCreate')}
      </button>
    </form>
  );
}
