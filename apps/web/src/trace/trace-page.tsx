import type { AllocationTrace, TraceNode } from '../api/types';
import { formatDate } from '../format/date';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { Loaded, Money } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { graphWords } from './graph-words';
import { TraceGraph } from './trace-graph';
import { allocationGraph } from './trace-graph-model';

/** The tree below an allocation down to every payment and reversal, each node checked. */
export function TracePage({ id }: { id: string }) {
  const app = useApp();
  const { t, client, at } = app;
  const load = useLoad(`trace|${id}|${JSON.stringify(at)}`, () => client.allocationTrace(id, at));
  return (
    <>
      <h1>{t('traceTitle', { id })}</h1>
      <AsOfBanner position={load.data?.at.position ?? null} />
      <Loaded load={load}>
        {(trace: AllocationTrace) => (
          <>
            <p className={trace.reconciles ? 'success' : 'error'} role="status">
              {trace.reconciles ? t('allReconcile', { position: trace.at.position }) : t('someUnreconciled', { count: trace.unreconciled.length })}
            </p>
            {trace.unreconciled.length > 0 && (
              <ul className="error unreconciled-list">
                {trace.unreconciled.map((u) => (
                  <li key={u.id}>
                    {u.id} ({u.unit}): <span lang="en">{u.discrepancies.join('; ')}</span>
                  </li>
                ))}
              </ul>
            )}
            <TraceGraph root={allocationGraph(trace, graphWords(app))} label={t('traceGraph', { id })} fileName={`trace-${id}.svg`} />
            <h2 id="trace-list">{t('traceList')}</h2>
            <ul className="tree" aria-labelledby="trace-list">
              <Node node={trace.tree} />
            </ul>
          </>
        )}
      </Loaded>
    </>
  );
}

function Node({ node }: { node: TraceNode }) {
  const { t, route } = useApp();
  return (
    <li>
      <div className={node.reconciles ? 'node' : 'node unreconciled'} data-node={node.id}>
        <div className="node-head">
          <a href={href(['allocations', node.id], {}, route)}>{node.id}</a> · <UnitName code={node.unit} />
          <span className={node.reconciles ? 'badge ok' : 'badge bad'}>{node.reconciles ? t('reconciles') : t('doesNotReconcile')}</span>
        </div>
        <div className="node-decision">
          {t('decisionText', { number: node.decision.number, date: formatDate(node.decision.date), issuer: node.decision.issuer })}
        </div>
        <dl className="node-figures">
          <dt>{t('allocated')}</dt>
          <dd>
            <Money dong={node.allocated} />
          </dd>
          <dt>{t('subAllocated')}</dt>
          <dd>
            <Money dong={node.subAllocated} />
          </dd>
          <dt>{t('disbursed')}</dt>
          <dd>
            <Money dong={node.disbursed} />
          </dd>
          <dt>{t('disbursedTotal')}</dt>
          <dd>
            <Money dong={node.disbursedTotal} />
          </dd>
        </dl>
        {node.discrepancies.length > 0 && (
          <ul className="discrepancies">
            {node.discrepancies.map((d) => (
              <li key={d} lang="en">
                {d}
              </li>
            ))}
          </ul>
        )}
      </div>
      {(node.children.length > 0 || node.disbursements.length > 0) && (
        <ul>
          {node.children.map((c) => (
            <Node key={c.id} node={c} />
          ))}
          {node.disbursements.map((p) => (
            <li key={p.id}>
              <div className={p.reversal ? 'leaf reversed' : 'leaf'} data-payment={p.id}>
                <a href={href(['disbursements', p.id], {}, route)} aria-label={t('tracePayment', { id: p.id })}>
                  {p.reversal ? <del>{p.id}</del> : p.id}
                </a>{' '}
                · {p.voucher} · {formatDate(p.valueDate)} ·{' '}
                {p.reversal ? (
                  <del>
                    <Money dong={p.amount} />
                  </del>
                ) : (
                  <Money dong={p.amount} />
                )}
                {p.reversal && <> · {t('reversedBecause', { reason: p.reversal.reason })}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
