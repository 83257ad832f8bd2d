import { useApp } from './app-context';
import { AsOfControl } from './as-of';
import { href } from './router';

const PAGES = [
  ['overview', 'navOverview'],
  ['audit', 'navAudit'],
  ['households', 'navHouseholds'],
  ['trace', 'navTrace'],
  ['integrity', 'navIntegrity'],
  ['changes', 'navChanges'],
] as const;

export function Header({ onSignOut, onToggleLang, onToggleMillions }: { onSignOut: () => void; onToggleLang: () => void; onToggleMillions: () => void }) {
  const { t, lang, unit, route, me } = useApp();
  const page = route.path[0] ?? 'overview';
  return (
    <header className="header">
      <div className="header-top">
        <a className="brand" href={href(['overview'], {}, route)}>
          {t('appTitle')}
        </a>
        <div className="header-tools">
          {me && <span className="who">{t('signedInAs', { user: me.name && me.name !== me.id ? `${me.name} (${me.id})` : me.id })}</span>}
          <label className="toggle">
            <input type="checkbox" checked={unit === 'million'} onChange={onToggleMillions} />
            {t('inMillions')}
          </label>
          <button type="button" className="secondary" onClick={onToggleLang} title={t('switchLanguageLabel')} lang={lang === 'vi' ? 'en' : 'vi'}>
            {t('switchLanguage')}
          </button>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </div>
      <nav aria-label={t('navMain')}>
        <ul>
          {PAGES.map(([path, label]) => (
            <li key={path}>
              <a href={href([path], {}, route)} aria-current={page === path ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          ))}
          {me?.role === 'admin' && (
            <li>
              <a href={href(['admin'], {}, route)} aria-current={page === 'admin' ? 'page' : undefined}>
                {t('navAdmin')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      <AsOfControl key={`${route.params.asOf ?? ''}|${route.params.atPosition ?? ''}`} />
    </header>
  );
}
