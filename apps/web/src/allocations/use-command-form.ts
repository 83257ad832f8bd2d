import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../api/client';
import type { Written } from '../api/types';
import type { AppContextValue } from '../shell/app-context';
import { errorField, type ApiError } from '../i18n/errors';
import { toApiError } from '../ui/use-load';

export type CommandForm = Readonly<{
  busy: boolean;
  /** The refusal and the field it concerns (null: the form as a whole). */
  error: Readonly<{ error: ApiError; field: string | null }> | null;
  /** What was recorded, said in the language and money unit of the moment it is shown (they may be switched after). */
  done: Success | null;
  submit: (send: (key: string) => Promise<Written>, success: (w: Written) => Success) => Promise<void>;
  refuse: (field: string, error: ApiError) => void;
}>;

/**
 * A form's Idempotency-Key is made when it opens and kept until the server records it: a double
 * click, or a retry after an answer that never came, sends the same key and records once. A
 * refusal records nothing, so the corrected form may reuse it; a success opens a fresh form.
 */
export type Success = (app: Pick<AppContextValue, 't' | 'money'>) => string;

export function useCommandForm(): CommandForm {
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CommandForm['error']>(null);
  const [done, setDone] = useState<Success | null>(null);

  async function submit(send: (key: string) => Promise<Written>, success: (w: Written) => Success) {
    // The state update that disables the button lands after a second click may already be queued.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const written = await send(key.current);
      key.current = newIdempotencyKey();
      const said = success(written);
      setDone(() => said);
    } catch (e) {
      const apiError = toApiError(e);
      setError({ error: apiError, field: errorField(apiError) });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const refuse = (field: string, e: ApiError) => {
    setDone(null);
    setError({ error: e, field });
  };

  return { busy, error, done, submit, refuse };
}
