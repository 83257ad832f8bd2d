import type { ReactNode } from 'react';
import { barWidth, formatRate } from '../format/rate';
import type { ApiError } from '../i18n/errors';
import { serverDetail } from '../i18n/errors';
import { useApp } from '../shell/app-context';
import type { Load } from './use-load';

export function Money({ dong }: { dong: number }) {
  const { money } = useApp();
  return <span className="money">{money(dong)}</span>;
}

/** A rate with a bar drawn to the same proportion; the bar is decoration, the text says it. */
export function RateBar({ rate }: { rate: number }) {
  const { t } = useApp();
  const text = formatRate(rate);
  return (
    <span className="rate">
      <span className="bar" role="img" aria-label={t('rateBar', { rate: text })}>
        <span className="bar-fill" style={{ width: `${barWidth(rate, 100).toFixed(2)}%` }} />
      </span>
      <span className="rate-text">{text}</span>
    </span>
  );
}

export function ErrorNote({ error, id }: { error: ApiError; id?: string }) {
  const { explain } = useApp();
  const detail = serverDetail(error);
  return (
    <p className="error" role="alert" id={id}>
      {explain(error)}
      {detail && (
        <>
          {' '}
          <span className="server-detail" lang="en">
            ({detail})
          </span>
        </>
      )}
    </p>
  );
}

/** Renders a load's three states the same way on every page. */
export function Loaded<T>({ load, children }: { load: Load<T>; children: (data: T) => ReactNode }) {
  const { t } = useApp();
  if (load.error) {
    return (
      <div>
        <ErrorNote error={load.error} />
        <button type="button" onClick={load.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (load.data === null) return <p aria-live="polite">{t('loading')}</p>;
  return <>{children(load.data)}</>;
}

/**
 * A table that may scroll sideways on a narrow screen: a labelled region a keyboard can focus, so
 * that someone without a mouse can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
