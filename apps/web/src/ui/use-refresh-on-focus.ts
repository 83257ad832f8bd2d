import { useEffect } from 'react';

/**
 * Reloads when the window regains focus: the live stream (shell/live-updates.ts) shows another
 * officer's payment as it is committed, and this catches up after a time the stream was down
 * (a laptop asleep, a dropped network).
 */
export function useRefreshOnFocus(reload: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);
}
