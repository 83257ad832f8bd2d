import { useRef, useState } from 'react';
import { useApp } from '../shell/app-context';

/**
 * A new user's token, shown this once: the ledger keeps only its hash, so it cannot be shown again.
 * It lives in this component's state only, never in storage or the URL.
 */
export function TokenOnce({ user, token, onDismiss }: { user: string; token: string; onDismiss: () => void }) {
  const { t } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard API over plain http on an office network: select it, so that Ctrl+C copies it.
      input.current?.select();
      setCopied(document.execCommand('copy'));
    }
  }

  return (
    <div className="card token-once" aria-labelledby="token-once-title">
      <h3 id="token-once-title">{t('adminTokenTitle', { id: user })}</h3>
      <p className="notice">{t('adminTokenWarning')}</p>
      <div className="inline-form">
        <label htmlFor="new-token" className="visually-hidden">
          {t('tokenLabel')}
        </label>
        <input id="new-token" ref={input} readOnly value={token} size={48} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {t('adminCopy')}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t('adminTokenSaved')}
        </button>
        <span role="status">{copied === true ? t('adminCopied') : copied === false ? t('adminCopyManually') : ''}</span>
      </div>
    </div>
  );
}
