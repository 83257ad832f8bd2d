import { formatDate } from '../format/date';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { Loaded, Money } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { disbursementTrace } from './api';
import type { DisbursementTrace } from './types';
import { graphWords } from './graph-words';
import { TraceGraph } from './trace-graph';
import { paymentGraph } from './trace-graph-model';

/** A payment's chain up to the top-level decision, each allocation with its balance just after the payment. */
export function DisbursementTracePage({ id }: { id: string }) {
  const app = useApp();
  const { t, client, at, route } = app;
  const load = useLoad(`payment-trace|${id}|${JSON.stringify(at)}`, () => disbursementTrace(client, id, at));
  return (
    <>
      <h1>{t('paymentTraceTitle', { id })}</h1>
      <AsOfBanner position={load.data?.at.position ?? null} />
      <Loaded load={load}>
        {(trace: DisbursementTrace) => (
          <>
            <TraceGraph root={paymentGraph(trace, graphWords(app))} label={t('paymentTraceGraph', { id })} fileName={`trace-${id}.svg`} />
            <h2 id="chain-list">{t('traceList')}</h2>
            <p className="hint">{t('balanceJustAfter')}</p>
            <ol className="chain" aria-labelledby="chain-list">
              {trace.chain.map((link) => (
                <li key={link.allocationId} className="node" data-node={link.allocationId}>
                  <div className="node-head">
                    {'outOfScope' in link ? link.allocationId : <a href={href(['trace', link.allocationId], {}, route)}>{link.allocationId}</a>} ·{' '}
                    <UnitName code={link.unit} />
                  </div>
                  {'outOfScope' in link ? (
                    <div className="node-decision">{t('outOfScope')}</div>
                  ) : (
                    <>
                      <div className="node-decision">
                        {t('decisionText', { number: link.decision.number, date: formatDate(link.decision.date), issuer: link.decision.issuer })}
                      </div>
                      <dl className="node-figures">
                        <dt>{t('allocated')}</dt>
                        <dd>
                          <Money dong={link.balanceAtTime.allocated} />
                        </dd>
                        <dt>{t('subAllocated')}</dt>
                        <dd>
                          <Money dong={link.balanceAtTime.subAllocated} />
                        </dd>
                        <dt>{t('disbursed')}</dt>
                        <dd>
                          <Money dong={link.balanceAtTime.disbursed} />
                        </dd>
                        <dt>{t('available')}</dt>
                        <dd>
                          <Money dong={link.balanceAtTime.available} />
                        </dd>
                      </dl>
                    </>
                  )}
                </li>
              ))}
              <li className={trace.payment.reversal ? 'leaf reversed' : 'leaf'} data-payment={trace.payment.id}>
                {trace.payment.reversal ? <del>{trace.payment.id}</del> : trace.payment.id} · {trace.payment.voucher} · {formatDate(trace.payment.valueDate)} ·{' '}
                {trace.payment.reversal ? (
                  <del>
                    <Money dong={trace.payment.amount} />
                  </del>
                ) : (
                  <Money dong={trace.payment.amount} />
                )}
                {trace.payment.reversal && <> · {t('reversedBecause', { reason: trace.payment.reversal.reason })}</>}
              </li>
            </ol>
          </>
        )}
      </Loaded>
    </>
  );
}
