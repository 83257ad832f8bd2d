import { useState, type FormEvent } from 'react';
import { Field, FormOutcome } from '../allocations/field';
import { useCommandForm } from '../allocations/use-command-form';
import { translateCode } from '../i18n/messages';
import { useApp } from '../shell/app-context';
import { Loaded, TableWrap } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { listUsers, registerUser, ROLES, type NewUser, type UserRow } from './api';
import { TokenOnce } from './token-once';
import { UserAccessForm } from './user-access-form';
import { formatInstant } from '../format/date';

const FIELDS = ['id', 'name', 'role', 'units'] as const;

export function UsersPanel() {
  const { t, client } = useApp();
  const users = useLoad('admin|users', () => listUsers(client));
  const [issued, setIssued] = useState<{ id: string; token: string } | null>(null);
  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users">{t('adminUsers')}</h2>
      {issued && <TokenOnce user={issued.id} token={issued.token} onDismiss={() => setIssued(null)} />}
      <div className="forms">
        <NewUserForm
          onIssued={(id, token) => {
            setIssued({ id, token });
            users.reload();
          }}
        />
        <Loaded load={users}>
          {(items: readonly UserRow[]) => <UserAccessForm users={items} onIssued={(id, token) => setIssued({ id, token })} onDone={users.reload} />}
        </Loaded>
      </div>
      <Loaded load={users}>{(items: readonly UserRow[]) => <UsersTable items={items} />}</Loaded>
    </section>
  );
}

function UsersTable({ items }: { items: readonly UserRow[] }) {
  const { t, lang } = useApp();
  return (
    <TableWrap label={t('adminUsers')}>
      <table className="admin-users">
        <caption className="visually-hidden">{t('adminUsers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminUserId')}</th>
            <th scope="col">{t('adminName')}</th>
            <th scope="col">{t('adminRole')}</th>
            <th scope="col">{t('adminUserUnits')}</th>
            <th scope="col">{t('adminStatus')}</th>
            <th scope="col">{t('adminExpires')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id} data-user={u.id}>
              <td>{u.id}</td>
              <td>{u.name}</td>
              <td>{translateCode(lang, 'role_', u.role)}</td>
              <td>{u.units.length > 0 ? u.units.join(', ') : t('adminAllUnits')}</td>
              <td data-status={u.active ? 'active' : 'inactive'}>{u.active ? t('adminActive') : t('adminInactive')}</td>
              <td>{u.expiresAt ? formatInstant(u.expiresAt) : t('adminNever')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function NewUserForm({ onIssued }: { onIssued: (id: string, token: string) => void }) {
  const { t, client, lang } = useApp();
  const form = useCommandForm();
  const empty = { id: '', name: '', role: 'finance_officer', units: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const units = v.units.split(/[\s,;]+/).filter(Boolean);
    const body: NewUser = { id: v.id.trim(), name: v.name.trim(), role: v.role as NewUser['role'], ...(units.length > 0 ? { units } : {}) };
    let token = '';
    await form.submit(
      async () => {
        const created = await registerUser(client, body);
        token = created.token;
        return created;
      },
      () => {
        setV(empty);
        onIssued(body.id, token);
        return (app) => app.t('adminUserCreated', { id: body.id });
      },
    );
  }

  return (
    <form className="card command" onSubmit={submit} aria-labelledby="new-user" noValidate>
      <h3 id="new-user">{t('adminNewUser')}</h3>
      <Field form={form} prefix="user" name="id" label={t('adminUserId')}>
        {(p) => <input {...p} value={v.id} onChange={set('id')} required />}
      </Field>
      <Field form={form} prefix="user" name="name" label={t('adminName')}>
        {(p) => <input {...p} value={v.name} onChange={set('name')} required />}
      </Field>
      <Field form={form} prefix="user" name="role" label={t('adminRole')}>
        {(p) => (
          <select {...p} value={v.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {translateCode(lang, 'role_', r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} prefix="user" name="units" label={t('adminUserUnits')} hint={t('adminUnitsHint')}>
        {(p) => <input {...p} value={v.units} onChange={set('units')} />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <button type="submit" disabled={form.busy}>
        {form.busy ? t('sending') : t('adminCreate')}
      </button>
    </form>
  );
}
