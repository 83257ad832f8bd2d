import { useState, type FormEvent } from 'react';
import { createClient } from '../api/client';
import type { Lang } from '../i18n/lang';
import { translate, type MessageKey } from '../i18n/messages';
import { toApiError } from '../ui/use-load';
import { errorSentence } from '../i18n/errors';

/** Why the API refused the token (`details.reason` of its 401), said to the person signing in. */
const REFUSED: Readonly<Record<string, MessageKey>> = { expired: 'tokenExpired', deactivated: 'userDeactivated', replaced: 'tokenReplaced' };

/** Checks the token against the API before keeping it: a wrong one never reaches the session. */
export function SignIn({
  lang,
  notice,
  onSignedIn,
  onToggleLang,
}: {
  lang: Lang;
  notice: MessageKey | null;
  onSignedIn: (token: string) => void;
  onToggleLang: () => void;
}) {
  const t = (k: MessageKey) => translate(lang, k);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      await createClient(value, () => undefined).integrity();
      onSignedIn(value);
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.statusCode === 401 ? t(REFUSED[String(apiError.details?.reason)] ?? 'tokenRefused') : errorSentence(apiError, lang));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <button type="button" className="link-button" onClick={onToggleLang} title={t('switchLanguageLabel')} lang={lang === 'vi' ? 'en' : 'vi'}>
          {t('switchLanguage')}
        </button>
      </div>
      <h1>{t('appTitle')}</h1>
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('signInTitle')}</h2>
        {notice && (
          <p className="notice" role="status">
            {t(notice)}
          </p>
        )}
        <p>{t('signInIntro')}</p>
        <label htmlFor="token">{t('tokenLabel')}</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'token-error' : undefined}
          required
        />
        {error && (
          <p className="error" role="alert" id="token-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
