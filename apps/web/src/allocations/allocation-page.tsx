import type { Allocation, Payment } from '../api/types';
import { formatDate } from '../format/date';
import type { MessageKey } from '../i18n/messages';
import { AsOfBanner } from '../shell/as-of';
import { mayPay, useApp } from '../shell/app-context';
import { href } from '../shell/router';
import { Loaded, Money, RateBar } from '../ui/bits';
import { useLoad } from '../ui/use-load';
import { UnitName } from '../overview/unit-name';
import { PaymentsTable } from './payments-table';
import { RecordPaymentForm } from './record-payment-form';
import { ReversePaymentForm } from './reverse-payment-form';
import { AdjustForm } from './adjust-form';
import { SubAllocateForm } from './sub-allocate-form';

type View = Readonly<{ allocation: Allocation; payments: readonly Payment[] }>;

export function AllocationPage({ id }: { id: string }) {
  const { t, client, at, me, route } = useApp();
  const load = useLoad(`allocation|${id}|${JSON.stringify(at)}`, async (): Promise<View> => {
    const [allocation, payments] = await Promise.all([client.allocation(id, at), client.payments(id, at)]);
    return { allocation, payments };
  });
  const past = Boolean(at.asOf || at.atPosition);

  return (
    <>
      <h1>{t('allocationTitle', { id })}</h1>
      <AsOfBanner position={load.data?.allocation.readPosition ?? null} />
      <Loaded load={load}>
        {({ allocation: a, payments }) => (
          <>
            <Summary a={a} />
            <p className="links">
              <a href={href(['trace', a.id], {}, route)}>{t('seeTrace')}</a> · <a href={href(['audit'], { allocation: a.id }, route)}>{t('seeAudit')}</a>
            </p>
            <section aria-labelledby="payments">
              <h2 id="payments">{t('payments')}</h2>
              <PaymentsTable payments={payments} />
            </section>
            {mayPay(me) &&
              (past ? (
                <p className="notice">{t('asOfNoWrites')}</p>
              ) : (
                // Keyed by the allocation: opening another one gives fresh forms (and fresh Idempotency-Keys).
                <div className="forms" key={a.id}>
                  <RecordPaymentForm allocationId={a.id} onDone={load.reload} />
                  <ReversePaymentForm payments={payments.filter((p) => p.reversal === null)} onDone={load.reload} />
                  <SubAllocateForm parentId={a.id} onDone={load.reload} />
                  <AdjustForm allocationId={a.id} onDone={load.reload} />
                </div>
              ))}
            <Children a={a} />
          </>
        )}
      </Loaded>
    </>
  );
}

function Summary({ a }: { a: Allocation }) {
  const { t, route } = useApp();
  const line = [
    a.line.program,
    a.line.project,
    a.line.subProject,
    String(a.line.fiscalYear),
    t(a.line.capitalType as MessageKey),
    t(a.line.source as MessageKey),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <dl className="facts">
        <dt>{t('unit')}</dt>
        <dd>
          <UnitName code={a.unit} />
        </dd>
        <dt>{t('line')}</dt>
        <dd>{line}</dd>
        <dt>{t('decision')}</dt>
        <dd>{t('decisionText', { number: a.decision.number, date: formatDate(a.decision.date), issuer: a.decision.issuer })}</dd>
        <dt>{t('parent')}</dt>
        <dd>{a.parentId ? <a href={href(['allocations', a.parentId], {}, route)}>{a.parentId}</a> : t('none')}</dd>
      </dl>
      <dl className="figures">
        <div>
          <dt>{t('allocated')}</dt>
          <dd data-figure="allocated">
            <Money dong={a.allocated} />
          </dd>
        </div>
        <div>
          <dt>{t('subAllocated')}</dt>
          <dd data-figure="subAllocated">
            <Money dong={a.subAllocated} />
          </dd>
        </div>
        <div>
          <dt>{t('disbursed')}</dt>
          <dd data-figure="disbursed">
            <Money dong={a.disbursed} />
          </dd>
        </div>
        <div>
          <dt>{t('available')}</dt>
          <dd data-figure="available">
            <Money dong={a.available} />
          </dd>
        </div>
        <div className="wide">
          <dt>{t('rate')}</dt>
          <dd data-figure="rate">
            <RateBar rate={a.disbursementRate} />
          </dd>
        </div>
      </dl>
    </>
  );
}

function Children({ a }: { a: Allocation }) {
  const { t, route } = useApp();
  return (
    <section aria-labelledby="children">
      <h2 id="children">{t('children')}</h2>
      {a.children.length === 0 ? (
        <p>{t('noChildren')}</p>
      ) : (
        <ul className="children">
          {a.children.map((c) => (
            <li key={c.id}>
              <a href={href(['allocations', c.id], {}, route)}>{c.id}</a> — <UnitName code={c.unit} />: <Money dong={c.allocated} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
