import { createContext, useContext } from 'react';
import type { Client } from '../api/client';
import type { At, Me } from '../api/types';
import type { MoneyUnit } from '../format/money';
import type { ApiError } from '../i18n/errors';
import type { Lang } from '../i18n/lang';
import type { MessageKey, Vars } from '../i18n/messages';
import type { Route } from './router';

export type AppContextValue = Readonly<{
  lang: Lang;
  unit: MoneyUnit;
  t: (key: MessageKey, vars?: Vars) => string;
  money: (dong: number) => string;
  explain: (error: ApiError) => string;
  client: Client;
  route: Route;
  /** The "as of" point every read honours. */
  at: At;
  me: Me | null;
}>;

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContext');
  return v;
}

/** What a role may do in the console; the server stays the authority and its refusals are shown. */
export function mayPay(me: AppContextValue['me']): boolean {
  return me === null || me.role === 'finance_officer' || me.role === 'admin';
}
