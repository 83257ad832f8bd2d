import { lazy, Suspense } from 'react';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { mayReview } from './access';

// Loaded when first opened (a chunk of the console's own origin): the first load of the overview stays small.
const HouseholdPage = lazy(() => import('./household-page').then((m) => ({ default: m.HouseholdPage })));
const ImportPage = lazy(() => import('./import-page').then((m) => ({ default: m.ImportPage })));
const ListPage = lazy(() => import('./list-page').then((m) => ({ default: m.ListPage })));
const RegisterPage = lazy(() => import('./register-form').then((m) => ({ default: m.RegisterPage })));
const StatsPage = lazy(() => import('./stats-page').then((m) => ({ default: m.StatsPage })));

const TABS = [
  ['', 'hhTabList', false],
  ['stats', 'hhTabStats', false],
  ['import', 'hhTabImport', true],
  ['new', 'hhTabRegister', true],
] as const;

/**
 * `#/households` and below: the list, the statistics, the import, the registration, and a
 * household's page at `#/households/{id}` (like the API, "stats" is never taken for an id).
 */
export function HouseholdsPage() {
  const { t, route } = useApp();
  const sub = route.path[1] ?? '';
  return (
    <>
      <HouseholdTabs current={TABS.some(([p]) => p === sub) ? sub : null} />
      <Suspense fallback={<p aria-live="polite">{t('loading')}</p>}>
        {sub === '' ? (
          <ListPage />
        ) : sub === 'stats' ? (
          <StatsPage />
        ) : sub === 'import' ? (
          <ImportPage />
        ) : sub === 'new' ? (
          <RegisterPage />
        ) : (
          <HouseholdPage id={sub} />
        )}
      </Suspense>
    </>
  );
}

function HouseholdTabs({ current }: { current: string | null }) {
  const { t, route, me } = useApp();
  // The unit in view follows the user from tab to tab; what the role may not do is not offered.
  const unit = route.params.unit;
  const tabs = TABS.filter(([, , writes]) => !writes || mayReview(me));
  return (
    <nav aria-label={t('hhSections')} className="subnav">
      <ul>
        {tabs.map(([path, label]) => (
          <li key={path}>
            <a href={href(path ? ['households', path] : ['households'], { unit }, route)} aria-current={current === path ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
