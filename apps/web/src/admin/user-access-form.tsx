import { useState, type FormEvent } from 'react';
import { Field, FormOutcome } from '../allocations/field';
import { useCommandForm } from '../allocations/use-command-form';
import { useApp } from '../shell/app-context';
import { deactivateUser, reactivateUser, rotateToken, type UserRow } from './api';

const FIELDS = ['user', 'reason'] as const;
type Act = 'rotate' | 'deactivate' | 'reactivate';

/**
 * A user's access, each act with its reason (recorded with the event): a new token (shown once, the
 * old one dead at once), deactivation (their token answers 401) or reactivation. Only the acts that
 * fit the chosen user's state are offered; the server refuses the rest all the same.
 */
export function UserAccessForm({ users, onIssued, onDone }: { users: readonly UserRow[]; onIssued: (id: string, token: string) => void; onDone: () => void }) {
  const { t, client } = useApp();
  const form = useCommandForm();
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const chosen = users.find((u) => u.id === userId);

  async function act(e: FormEvent, what: Act) {
    e.preventDefault();
    if (!chosen) return form.refuse('user', { statusCode: 400, code: 'VALIDATION_FAILED', message: '', details: { field: 'user' } });
    const id = chosen.id;
    let token = '';
    await form.submit(
      async (key) => {
        if (what === 'deactivate') return deactivateUser(client, id, reason.trim(), key);
        if (what === 'reactivate') return reactivateUser(client, id, reason.trim(), key);
        const rotated = await rotateToken(client, id, reason.trim());
        token = rotated.token;
        return rotated;
      },
      () => {
        setReason('');
        if (what === 'rotate') onIssued(id, token);
        onDone();
        return (app) => app.t(what === 'rotate' ? 'adminTokenRotated' : what === 'deactivate' ? 'adminUserDeactivated' : 'adminUserReactivated', { id });
      },
    );
  }

  return (
    <form className="card command" onSubmit={(e) => act(e, 'rotate')} aria-labelledby="user-access" noValidate>
      <h3 id="user-access">{t('adminUserAccess')}</h3>
      <Field form={form} prefix="access" name="user" label={t('adminUserId')}>
        {(p) => (
          <select {...p} value={userId} onChange={(e) => setUserId(e.target.value)} required>
            <option value="">{t('choose')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.id} · ${u.name}${u.active ? '' : ` (${t('adminInactive')})`}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} prefix="access" name="reason" label={t('reason')} hint={t('adminReasonHint')}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />}
      </Field>
      <FormOutcome form={form} fields={FIELDS} />
      <div className="inline-form">
        <button type="submit" disabled={form.busy}>
          {t('adminRotate')}
        </button>
        {chosen?.active === false ? (
          <button type="button" className="secondary" disabled={form.busy} onClick={(e) => act(e, 'reactivate')}>
            {t('adminReactivate')}
          </button>
        ) : (
          <button type="button" className="secondary" disabled={form.busy} onClick={(e) => act(e, 'deactivate')}>
            {t('adminDeactivate')}
          </button>
        )}
      </div>
    </form>
  );
}
