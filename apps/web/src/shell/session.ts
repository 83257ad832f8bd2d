/** The token lives in sessionStorage only: closing the browser's session signs the user out. */
const TOKEN = 'ledger.token';
const PREFS = 'ledger.prefs';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN);
}

export type Prefs = Readonly<{ lang: 'vi' | 'en'; millions: boolean }>;

/** Language and unit are no secret; they are kept for the session too, so a reload keeps them. */
export function storedPrefs(): Prefs {
  try {
    const p = JSON.parse(sessionStorage.getItem(PREFS) ?? '{}') as Partial<Prefs>;
    return { lang: p.lang === 'en' ? 'en' : 'vi', millions: p.millions === true };
  } catch {
    return { lang: 'vi', millions: false };
  }
}

export function storePrefs(p: Prefs): void {
  sessionStorage.setItem(PREFS, JSON.stringify(p));
}
