import { useState } from 'react';
import { formatInstant } from '../format/date';
import type { ApiError } from '../i18n/errors';
import type { MessageKey, Vars } from '../i18n/messages';
import { useApp } from '../shell/app-context';
import { ErrorNote, Loaded } from '../ui/bits';
import { toApiError, useLoad } from '../ui/use-load';
import { chainRecords, integrityHead, type ChainHeadAnswer } from './api';
import { parseCheckpoint, verifyChain, verifyCheckpointSignature, type ChainBreak, type Subtle } from './chain-verifier';

type Outcome =
  | Readonly<{ state: 'idle' }>
  | Readonly<{ state: 'checking'; position: number }>
  | Readonly<{ state: 'intact'; position: number; events: number; checkpoint: number; signedAt: string }>
  | Readonly<{ state: 'broken'; problem: ChainBreak; intactUpTo: number }>
  | Readonly<{ state: 'refused'; key: MessageKey; vars?: Vars }>
  | Readonly<{ state: 'failed'; error: ApiError }>;

/** The words for a break, from its kind and the values it carries. */
function breakMessage(p: ChainBreak): [MessageKey, Vars] {
  switch (p.kind) {
    case 'position_order':
      return ['break_position_order', { position: p.position, previous: p.previous }];
    case 'position_gap':
      return ['break_position_gap', { position: p.position, found: p.found }];
    case 'revision_gap':
    case 'revision_duplicate':
      return [
        p.kind === 'revision_gap' ? 'break_revision_gap' : 'break_revision_duplicate',
        { stream: p.streamId, revision: p.revision, expected: p.expected },
      ];
    case 'hash_mismatch':
      return ['break_hash_mismatch', { id: p.id, stream: p.streamId, stored: p.stored, computed: p.computed }];
    case 'checkpoint_mismatch':
      return ['break_checkpoint_mismatch', { stored: p.stored, signed: p.signed }];
    case 'truncated':
      return ['break_truncated', { last: p.last, checkpoint: p.checkpoint }];
    default: {
      const _exhaustive: never = p;
      return _exhaustive;
    }
  }
}

/**
 * The head the server states, and a check that does not take its word: the checkpoint's signature
 * and the whole chain recomputed here, in the browser, from the stored records.
 */
export function IntegrityPage() {
  const { t, client, me } = useApp();
  const head = useLoad('integrity-head', () => integrityHead(client));
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [checkpointFile, setCheckpointFile] = useState<File | null>(null);
  const [keyFile, setKeyFile] = useState<File | null>(null);
  // Only those who read everything may read the records (the server refuses the others with 403).
  const mayCheck = me === null || me.role === 'inspector' || me.role === 'admin';

  async function check() {
    // WebCrypto exists only in a secure context (https, or localhost).
    const subtle = globalThis.crypto?.subtle as Subtle | undefined;
    if (!subtle) return setOutcome({ state: 'refused', key: 'needsSecureContext' });
    if (!checkpointFile || !keyFile) return setOutcome({ state: 'refused', key: 'chooseFiles' });
    const cp = parseCheckpoint(await checkpointFile.text());
    if (typeof cp === 'string') return setOutcome({ state: 'refused', key: `cp_${cp}` });
    const signature = await verifyCheckpointSignature(subtle, cp, await keyFile.text());
    if (!signature.ok) return setOutcome({ state: 'refused', key: `cp_${signature.problem}` });
    setOutcome({ state: 'checking', position: 0 });
    try {
      const r = await verifyChain(subtle, chainRecords(client), cp, (position) => setOutcome({ state: 'checking', position }));
      setOutcome(
        r.ok
          ? { state: 'intact', position: r.head.position, events: r.events, checkpoint: cp.position, signedAt: cp.signedAt }
          : { state: 'broken', problem: r.problem, intactUpTo: r.intactUpTo },
      );
    } catch (e) {
      setOutcome({ state: 'failed', error: toApiError(e) });
    }
  }

  return (
    <>
      <h1>{t('integrityTitle')}</h1>
      <section className="card" aria-labelledby="head-title">
        <h2 id="head-title">{t('headTitle')}</h2>
        <Loaded load={head}>
          {(h: ChainHeadAnswer) => (
            <dl className="facts">
              <dt>{t('headPosition')}</dt>
              <dd data-head-position>{h.position}</dd>
              <dt>{t('headHash')}</dt>
              <dd className="hash">{h.hash}</dd>
            </dl>
          )}
        </Loaded>
        <p className="hint">{t('headHint')}</p>
      </section>
      {mayCheck && (
        <section className="card" aria-labelledby="check-title">
          <h2 id="check-title">{t('checkTitle')}</h2>
          <p>{t('checkIntro')}</p>
          <form
            className="check-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (outcome.state !== 'checking') void check();
            }}
          >
            <label htmlFor="checkpoint-file">{t('checkpointFile')}</label>
            <input id="checkpoint-file" type="file" accept=".json,application/json" onChange={(e) => setCheckpointFile(e.target.files?.[0] ?? null)} />
            <label htmlFor="public-key-file">{t('publicKeyFile')}</label>
            <input id="public-key-file" type="file" accept=".pem,application/x-pem-file,text/plain" onChange={(e) => setKeyFile(e.target.files?.[0] ?? null)} />
            <div>
              <button type="submit" disabled={outcome.state === 'checking'}>
                {t('checkInBrowser')}
              </button>
            </div>
          </form>
          <div className="check-outcome" aria-live="polite">
            <OutcomeNote outcome={outcome} />
          </div>
        </section>
      )}
    </>
  );
}

function OutcomeNote({ outcome }: { outcome: Outcome }) {
  const { t } = useApp();
  switch (outcome.state) {
    case 'idle':
      return null;
    case 'checking':
      return <p role="status">{t('checkingUpTo', { position: outcome.position })}</p>;
    case 'intact':
      return (
        <div className="success" data-outcome="intact">
          <p>
            <strong>{t('chainIntact', { position: outcome.position })}</strong>
          </p>
          <p>{t('chainIntactDetail', { events: outcome.events, checkpoint: outcome.checkpoint, signedAt: formatInstant(outcome.signedAt) })}</p>
        </div>
      );
    case 'broken': {
      const [key, vars] = breakMessage(outcome.problem);
      return (
        <div className="error" data-outcome="broken">
          <p>
            <strong>{t('chainBrokenAt', { position: outcome.problem.position })}</strong>
          </p>
          <p className="break-reason">{t(key, vars)}</p>
          <p>{t('intactUpTo', { position: outcome.intactUpTo })}</p>
        </div>
      );
    }
    case 'refused':
      return (
        <p className="error" data-outcome="refused">
          {t(outcome.key, outcome.vars)}
        </p>
      );
    case 'failed':
      return <ErrorNote error={outcome.error} />;
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}
