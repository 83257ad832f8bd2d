import { useApp } from '../shell/app-context';
import { UnitsPanel } from './units-panel';
import { UsersPanel } from './users-panel';

/**
 * Units and users, for administrators. Others do not see the link and get a sentence here; the
 * API refuses them anyway (403), and a server without GET /me is left to say so itself.
 */
export function AdminPage() {
  const { t, me } = useApp();
  if (me && me.role !== 'admin') {
    return (
      <>
        <h1>{t('adminTitle')}</h1>
        <p className="error" role="alert">
          {t('adminOnly')}
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('adminTitle')}</h1>
      <UnitsPanel />
      <UsersPanel />
    </>
  );
}
