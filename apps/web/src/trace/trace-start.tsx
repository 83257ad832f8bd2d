import { useState } from 'react';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';

/** Where an inspector starts: an allocation (the tree below it) or a payment (the chain above it). */
export function TraceStart() {
  const { t, route } = useApp();
  const [kind, setKind] = useState<'allocation' | 'payment'>('allocation');
  const [id, setId] = useState('');
  return (
    <>
      <h1>{t('navTrace')}</h1>
      <form
        className="card trace-start"
        onSubmit={(e) => {
          e.preventDefault();
          const v = id.trim();
          if (v) navigate(href(kind === 'allocation' ? ['trace', v] : ['disbursements', v], {}, route));
        }}
      >
        <fieldset>
          <legend>{t('traceFrom')}</legend>
          <label>
            <input type="radio" name="trace-kind" checked={kind === 'allocation'} onChange={() => setKind('allocation')} /> {t('traceFromAllocation')}
          </label>{' '}
          <label>
            <input type="radio" name="trace-kind" checked={kind === 'payment'} onChange={() => setKind('payment')} /> {t('traceFromPayment')}
          </label>
        </fieldset>
        <label htmlFor="trace-id">{kind === 'allocation' ? t('allocationId') : t('paymentIdLabel')}</label>{' '}
        <input id="trace-id" value={id} onChange={(e) => setId(e.target.value)} required /> <button type="submit">{t('open')}</button>
      </form>
    </>
  );
}
