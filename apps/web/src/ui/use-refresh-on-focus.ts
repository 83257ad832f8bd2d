import { useEffect } from 'react';

/**
 * Reloads when the window regains focus, so that another officer's payment appears without a
 * reload of the page (until the console listens to the committed-events stream of issue #7).
 */
export function useRefreshOnFocus(reload: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);
}
