import type { Principal } from '../../../../domain/src';
import { readAllPages, verifyChain } from '../../integrity/verify-chain';
import type { EventStore, StoredEvent } from '../../ports/event-store.port';
import { allocationTrace } from '../../queries/trace';
import { keptInSubtree, type ReportInputs } from './programme-report';
import type { Check, ProgrammeReport } from './programme-report.model';
import { formulaMismatches, type Table } from './table';

const fmt = (n: number) => n.toLocaleString('en-US');

async function* upTo(events: EventStore, position: number): AsyncGenerator<StoredEvent> {
  for await (const e of readAllPages((after, limit) => events.readAll(after, limit))) {
    if (e.position > position) return;
    yield e;
  }
}

/**
 * Section 6: what the report checked about itself. Each check compares figures reached two
 * different ways (the groups against their lines, the subtree's allocations against its roots,
 * the log against its hashes), so each can fail; a report that fails one still renders and says so.
 */
export async function consistencyChecks(
  events: EventStore,
  inputs: ReportInputs,
  report: Omit<ProgrammeReport, 'checks' | 'consistent'>,
  principal: Principal,
  tables: readonly Table[],
): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (id: string, description: string, ok: boolean, detail: string) => checks.push({ id, description, ok, detail });

  const mismatches = formulaMismatches(tables);
  const formulas = tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + (r.formulas?.filter(Boolean).length ?? 0), 0), 0);
  check(
    'totals',
    'Mỗi dòng tổng bằng tổng các dòng chi tiết; mỗi tỷ lệ tính từ hai số của nó',
    mismatches.length === 0,
    mismatches.length === 0 ? `${formulas} công thức đều khớp` : mismatches.join('; '),
  );

  const year = inputs.allocations.filter((a) => a.fiscalYear === inputs.fiscalYear);
  const kept = keptInSubtree(year);
  const total = report.funds.lines.find((l) => l.key === 'total')!.figures;
  check(
    'subtree',
    'Tổng vốn của đơn vị bằng tổng vốn giữ lại và giải ngân của mọi đơn vị trong địa bàn',
    kept.allocated === total.allocated && kept.disbursed === total.disbursed,
    `giao ${fmt(total.allocated)} đ / ${fmt(kept.allocated)} đ; giải ngân ${fmt(total.disbursed)} đ / ${fmt(kept.disbursed)} đ`,
  );

  const phase = report.funds.lines.find((l) => l.key === 'current')!.figures;
  const projects = report.projects.filter((p) => p.kind === 'project');
  const projectsAllocated = projects.reduce((s, p) => s + p.figures.allocated, 0);
  const projectsDisbursed = projects.reduce((s, p) => s + p.figures.disbursed, 0);
  check(
    'projects',
    'Tổng các dự án (mục 4) bằng vốn Chương trình của năm (mục 3)',
    projectsAllocated === phase.allocated && projectsDisbursed === phase.disbursed,
    `giao ${fmt(projectsAllocated)} đ / ${fmt(phase.allocated)} đ; giải ngân ${fmt(projectsDisbursed)} đ / ${fmt(phase.disbursed)} đ`,
  );
  const planYear = report.plan.years.find((y) => y.year === inputs.fiscalYear)!.total;
  check(
    'plan',
    `Dòng năm ${inputs.fiscalYear} của mục 5 bằng vốn Chương trình của năm (mục 3)`,
    planYear.allocated === phase.allocated && planYear.disbursed === phase.disbursed,
    `giao ${fmt(planYear.allocated)} đ / ${fmt(phase.allocated)} đ; giải ngân ${fmt(planYear.disbursed)} đ / ${fmt(phase.disbursed)} đ`,
  );

  const h = report.households.current;
  const byUnit = h.byUnit.reduce((s, u) => ({ households: s.households + u.households, poor: s.poor + u.poor, nearPoor: s.nearPoor + u.nearPoor }), {
    households: 0,
    poor: 0,
    nearPoor: 0,
  });
  check(
    'households',
    'Số hộ theo đơn vị cấp dưới cộng lại bằng số hộ của đơn vị; số hộ mỗi loại cộng lại bằng số hộ được rà soát',
    byUnit.households === h.households &&
      byUnit.poor === h.poor &&
      byUnit.nearPoor === h.nearPoor &&
      h.poor + h.nearPoor + h.average + h.notPoor === h.households,
    `${fmt(byUnit.households)} / ${fmt(h.households)} hộ; nghèo ${fmt(byUnit.poor)} / ${fmt(h.poor)}; cận nghèo ${fmt(byUnit.nearPoor)} / ${fmt(h.nearPoor)}; ` +
      `nghèo + cận nghèo + trung bình + không nghèo = ${fmt(h.poor + h.nearPoor + h.average + h.notPoor)}`,
  );

  const unreconciled: string[] = [];
  for (const root of year.filter((a) => inputs.roots.includes(a))) {
    const trace = await allocationTrace(inputs.reads, root.id, principal);
    for (const u of trace.unreconciled) unreconciled.push(`${u.id}: ${u.discrepancies.join(', ')}`);
  }
  check(
    'traces',
    'Mọi khoản vốn trong địa bàn khớp với cây phân bổ và các khoản giải ngân của nó',
    unreconciled.length === 0,
    unreconciled.length === 0 ? `${year.length} khoản vốn đều khớp` : unreconciled.join('; '),
  );

  const verified = await verifyChain(upTo(events, inputs.position));
  const ok = verified.ok && verified.head.position === inputs.position && verified.head.hash === report.header.headHash;
  check(
    'log',
    `Sổ cái toàn vẹn đến vị trí ${inputs.position} (chuỗi băm)`,
    ok,
    verified.ok
      ? `${fmt(verified.events)} sự kiện; băm tại vị trí ${verified.head.position}: ${verified.head.hash}`
      : `hỏng tại vị trí ${verified.position}: ${verified.problem}`,
  );
  return checks;
}
