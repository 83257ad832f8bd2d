import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createClient } from './api/client';
import type { Me } from './api/types';
import { formatMoney } from './format/money';
import { errorSentence } from './i18n/errors';
import { translate, type MessageKey } from './i18n/messages';
import { AllocationPage } from './allocations/allocation-page';
import { AuditPage } from './audit/audit-page';
import { HouseholdsPage } from './households/households-page';
import { OverviewPage } from './overview/overview-page';
import { AppContext, useApp, type AppContextValue } from './shell/app-context';
import { Header } from './shell/header';
import { useLiveUpdates } from './shell/live-updates';
import { useRoute } from './shell/router';
import { forgetToken, storedPrefs, storedToken, storePrefs, storeToken, type Prefs } from './shell/session';
import { SignIn } from './sign-in/sign-in';
import { TracePage } from './trace/trace-page';
import { TraceStart } from './trace/trace-start';
import { ChangesPage } from './changes/changes-page';
import { ReportPage } from './reports/report-page';
import { AdminPage } from './admin/admin-page';

// The inspector's pages load when first opened: most users never do, and the bundle stays small.
const DisbursementTracePage = lazy(() => import('./trace/disbursement-trace-page').then((m) => ({ default: m.DisbursementTracePage })));
const IntegrityPage = lazy(() => import('./integrity/integrity-page').then((m) => ({ default: m.IntegrityPage })));

export function App() {
  const [token, setToken] = useState(storedToken);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [prefs, setPrefs] = useState<Prefs>(storedPrefs);
  const [me, setMe] = useState<Me | null>(null);
  const route = useRoute();

  const updatePrefs = (p: Prefs) => {
    storePrefs(p);
    setPrefs(p);
  };
  const toggleLang = () => updatePrefs({ ...prefs, lang: prefs.lang === 'vi' ? 'en' : 'vi' });
  const endSession = useCallback((why: MessageKey) => {
    forgetToken();
    setToken(null);
    setMe(null);
    setNotice(why);
  }, []);

  useEffect(() => {
    document.documentElement.lang = prefs.lang;
    document.title = translate(prefs.lang, 'appTitle');
  }, [prefs.lang]);

  const client = useMemo(() => (token ? createClient(token, () => endSession('sessionEnded')) : null), [token, endSession]);
  // The present only: a page "as of" a past point never changes.
  useLiveUpdates(client, !route.params.atPosition && !route.params.asOf);

  useEffect(() => {
    if (!client) return;
    // The role decides which forms are shown; a server without GET /me leaves them all to its own refusals.
    client.me().then(setMe, () => setMe(null));
  }, [client]);

  if (!client) {
    return (
      <SignIn
        lang={prefs.lang}
        notice={notice}
        onToggleLang={toggleLang}
        onSignedIn={(value) => {
          storeToken(value);
          setNotice(null);
          setToken(value);
        }}
      />
    );
  }

  const unit = prefs.millions ? 'million' : 'dong';
  const ctx: AppContextValue = {
    lang: prefs.lang,
    unit,
    t: (key, vars) => translate(prefs.lang, key, vars),
    money: (dong) => formatMoney(dong, unit, prefs.lang),
    explain: (error) => errorSentence(error, prefs.lang, unit),
    client,
    route,
    at: route.params.atPosition ? { atPosition: route.params.atPosition } : route.params.asOf ? { asOf: route.params.asOf } : {},
    me,
  };

  return (
    <AppContext.Provider value={ctx}>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          // The hash is the router's: move focus without changing it.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {ctx.t('skipToContent')}
      </a>
      <Header
        onSignOut={() => endSession('signedOut')}
        onToggleLang={toggleLang}
        onToggleMillions={() => updatePrefs({ ...prefs, millions: !prefs.millions })}
      />
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </AppContext.Provider>
  );
}

function Page() {
  const { path } = useApp().route;
  switch (path[0]) {
    case 'allocations':
      return path[1] ? <AllocationPage id={path[1]} /> : <OverviewPage />;
    case 'trace':
      return path[1] ? <TracePage id={path[1]} /> : <TraceStart />;
    case 'audit':
      return <AuditPage />;
    case 'households':
      return <HouseholdsPage />;
    case 'disbursements':
      return path[1] ? <Later>{<DisbursementTracePage id={path[1]} />}</Later> : <TraceStart />;
    case 'integrity':
      return <Later>{<IntegrityPage />}</Later>;
    case 'changes':
      return <ChangesPage />;
    case 'report':
      return <ReportPage />;
    case 'admin':
      return <AdminPage />;
    default:
      return <OverviewPage />;
  }
}

function Later({ children }: { children: ReactNode }) {
  const { t } = useApp();
  return <Suspense fallback={<p aria-live="polite">{t('loading')}</p>}>{children}</Suspense>;
}
