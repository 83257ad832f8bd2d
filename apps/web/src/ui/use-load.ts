import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../api/client';
import type { ApiError } from '../i18n/errors';
import { onLiveUpdate } from '../shell/live-updates';
import { useRefreshOnFocus } from './use-refresh-on-focus';

export type Load<T> = Readonly<{ data: T | null; error: ApiError | null; loading: boolean; reload: () => void }>;

/** Loads once per change of `key`, again when the window regains focus or something is committed, ignoring answers that arrive after a newer request started. */
export function useLoad<T>(key: string, fetcher: () => Promise<T>): Load<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    fetcher().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e: unknown) => current && setState({ data: null, error: toApiError(e), loading: false }),
    );
    return () => {
      current = false;
    };
    // The fetcher is recreated on every render; `key` names what it fetches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useRefreshOnFocus(reload);
  // Something the reader may see was committed (shell/live-updates.ts): read again, keeping what is shown meanwhile.
  useEffect(() => onLiveUpdate(reload), [reload]);
  return { ...state, reload };
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return e.error;
  return { statusCode: 0, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
}
