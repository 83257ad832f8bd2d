import type { AppContextValue } from '../shell/app-context';

/** Who may register, assess and import households; the server stays the authority and its refusals are shown. */
export function mayReview(me: AppContextValue['me']): boolean {
  return me === null || me.role === 'social_officer' || me.role === 'admin';
}
