import { useEffect, useState } from 'react';

/**
 * State a person would share lives in the URL's hash (`#/allocations/PT-DA1.1-2022?asOf=2022-12-20`):
 * the page, its filters, the unit in view and the "as of" point. A hash needs no server route.
 */
export type Route = Readonly<{ path: readonly string[]; params: Readonly<Record<string, string>> }>;

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  return { path, params: Object.fromEntries(new URLSearchParams(queryPart)) };
}

/** Params that follow the user from page to page. */
const STICKY = ['asOf', 'atPosition'] as const;

export function href(path: readonly string[], params: Readonly<Record<string, string | undefined>> = {}, from?: Route): string {
  const merged: Record<string, string> = {};
  if (from) for (const k of STICKY) if (from.params[k] !== undefined) merged[k] = from.params[k]!;
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') delete merged[k];
    else merged[k] = v;
  }
  const q = new URLSearchParams(merged).toString();
  return `#/${path.map((s) => encodeURIComponent(s)).join('/')}${q ? `?${q}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}
