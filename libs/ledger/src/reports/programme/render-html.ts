import { LEVEL_VI } from './labels-vi';
import { formatCount, formatInstant, formatMillions, formatRate } from './format-vi';
import type { Figures, ProgrammeReport, ReviewSummary } from './programme-report.model';
import type { Cell, Column, Table } from './table';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const cell = (c: Column, v: Cell): string => {
  if (v === null) return c.kind === 'rate' ? '–' : '';
  if (typeof v === 'string') return esc(v).replace(/\n/g, '<br>');
  if (c.kind === 'money') return formatMillions(v);
  if (c.kind === 'count') return formatCount(v);
  if (c.kind === 'rate') return formatRate(v);
  return esc(String(v));
};

/** A figure links to the console's page for its row (served by the same ledger at `/`); text stays plain. */
const linked = (page: string | undefined, c: Column, v: Cell): string =>
  page !== undefined && typeof v === 'number' && c.kind !== 'text' ? `<a class="figure" href="/${esc(page)}">${cell(c, v)}</a>` : cell(c, v);

/** Amounts in millions, as officers write them; headers say so. */
function table(t: Table): string {
  const head = t.columns.map((c) => `<th>${esc(c.header.replace('(đồng)', '(triệu đồng)'))}</th>`).join('');
  const rows = t.rows
    .map(
      (r) =>
        `<tr${r.style ? ` class="${r.style}"` : ''}>${r.cells.map((v, i) => `<td class="${t.columns[i]!.kind}">${linked(r.console, t.columns[i]!, v)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table id="table-${t.id}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}`;
}

/** "giao 71.570 triệu đồng, giải ngân 27.673 triệu đồng, đạt 38,67%" */
const funds = (f: Figures): string =>
  f.allocated === 0
    ? 'không giao'
    : `giao ${formatMillions(f.allocated)} triệu đồng, giải ngân ${formatMillions(f.disbursed)} triệu đồng, đạt ${formatRate(f.rate)}`;

const review = (s: ReviewSummary, where: string): string =>
  `Kết quả rà soát năm ${s.reviewYear}${s.standard ? ` theo chuẩn nghèo của ${esc(s.standard.legalBasis)}` : ''}: ${where} có ${formatCount(s.households)} hộ được rà soát; ` +
  `${formatCount(s.poor)} hộ nghèo, chiếm ${formatRate(s.poorRate)}; ${formatCount(s.nearPoor)} hộ cận nghèo, chiếm ${formatRate(s.nearPoorRate)} (tỷ lệ trên ${formatCount(s.households)} hộ được rà soát).`;

/** The report's only stylesheet, inline; the console's content security policy allows it by its hash. */
export const REPORT_STYLE = `
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12.5pt; line-height: 1.4; color: #000; max-width: 210mm; margin: 0 auto; padding: 12mm 15mm; }
header.doc { display: flex; justify-content: space-between; text-align: center; font-size: 11.5pt; }
header.doc .left, header.doc .right { width: 48%; }
header.doc .motto { font-weight: bold; }
h1 { font-size: 14pt; text-align: center; margin: 10mm 0 2mm; text-transform: uppercase; }
p.sub { text-align: center; margin: 0 0 6mm; font-style: italic; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
h3 { font-size: 12.5pt; margin: 4mm 0 2mm; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-size: 10pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eef2f6; font-weight: bold; text-align: center; }
td.money, td.count, td.rate { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td, tr.group td { font-weight: bold; }
tr.denominator td { font-style: italic; }
p.note { font-size: 10pt; font-style: italic; margin: 0 0 3mm; }
dl.meta { display: grid; grid-template-columns: 42mm 1fr; gap: 0.5mm 3mm; font-size: 10.5pt; margin: 0 0 4mm; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; word-break: break-all; }
.fail { color: #a00; font-weight: bold; }
#table-plan { font-size: 7.5pt; } #table-plan th, #table-plan td { padding: 0.6mm 0.8mm; }
a.figure { color: inherit; text-decoration: underline dotted; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } h2 { page-break-after: avoid; } }
`;

/** The report as a printable A4 document in Vietnamese, with the seed's numbering; a browser's "Print to PDF" gives a clean file. */
export function renderHtml(r: ProgrammeReport, tables: readonly Table[]): string {
  const t = Object.fromEntries(tables.map((x) => [x.id, x])) as Record<string, Table>;
  const h = r.header;
  const level = LEVEL_VI[h.unit.level]?.toLowerCase() ?? 'đơn vị';
  const where = `toàn ${level}`;
  const line = (key: string) => r.funds.lines.find((l) => l.key === key)!;
  const c = r.households.current;
  const fundsLines = r.funds.lines
    .filter((l) => l.level === 2 && l.figures.allocated > 0)
    .map(
      (l) =>
        `<li>${esc(line(l.key.split('.')[0]!).label)} — ${esc(l.label.toLowerCase())}${l.decisions.length ? ` (Quyết định ${esc(l.decisions.join(', '))})` : ''}: ${funds(l.figures)}.</li>`,
    )
    .join('\n');
  const failed = r.checks.filter((x) => !x.ok);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Báo cáo Chương trình giảm nghèo năm ${h.fiscalYear} — ${esc(h.unit.name)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header class="doc">
  <div class="left">${h.parent ? `${esc(h.parent.name.toUpperCase())}<br>` : ''}<strong>${esc(h.unit.name.toUpperCase())}</strong></div>
  <div class="right"><span class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><strong>Độc lập - Tự do - Hạnh phúc</strong></div>
</header>
<h1>Báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm ${h.fiscalYear}</h1>
<p class="sub">Số liệu tính đến ${h.asOf.recordedAt ? formatInstant(h.asOf.recordedAt) : '—'}, lập từ sổ cái điện tử</p>

<h2>1. Thông tin chung</h2>
<dl class="meta">
  <dt>Đơn vị</dt><dd>${esc(h.unit.name)} (${esc(h.unit.code)})${h.parent ? `, thuộc ${esc(h.parent.name)}` : ''}</dd>
  <dt>Chương trình</dt><dd>${esc(h.program.code)} — ${esc(h.program.legalBasis)}</dd>
  <dt>Số liệu tính đến</dt><dd>${h.asOf.recordedAt ? formatInstant(h.asOf.recordedAt) : '—'}, vị trí ${formatCount(h.asOf.position)} của sổ cái</dd>
  <dt>Mã băm sổ cái</dt><dd><code>${h.headHash}</code></dd>
  <dt>Lập lúc</dt><dd>${formatInstant(h.generatedAt)}</dd>
  <dt>Kiểm tra</dt><dd>${failed.length === 0 ? 'Đạt tất cả các kiểm tra tính nhất quán (mục 6)' : `<span class="fail">Không đạt: ${esc(failed.map((x) => x.description).join('; '))}</span>`}</dd>
</dl>

<h2>2. Kết quả rà soát hộ nghèo, hộ cận nghèo</h2>
<h3>2.1. Kết quả rà soát năm ${r.households.previous.reviewYear}</h3>
<p>${review(r.households.previous, where)}</p>
<h3>2.2. Kết quả rà soát năm ${c.reviewYear}</h3>
<p>${review(c, where)}</p>
<p>Số hộ thiếu hụt theo từng chỉ số, tỷ lệ tính trên ${formatCount(c.indicatorBases.assessed)} hộ được rà soát và trên ${formatCount(c.indicatorBases.poor)} hộ nghèo:</p>
${table(t.indicators!)}
${c.highest ? `<p>${esc(c.highest.name)} có tỷ lệ hộ nghèo cao nhất (${formatRate(c.highest.poorRate)})${c.lowest ? `; ${esc(c.lowest.name)} thấp nhất (${formatRate(c.lowest.poorRate)})` : ''}.</p>` : ''}
${table(t.communes!)}

<h2>3. Nguồn vốn năm ${h.fiscalYear} và kết quả giải ngân</h2>
<p>Tổng vốn năm ${h.fiscalYear}: ${funds(line('total').figures)}. Trong đó:</p>
<ul>
${fundsLines}
</ul>
${table(t.funds!)}

<h2>4. Kết quả thực hiện theo dự án, tiểu dự án</h2>
${table(t.projects!)}

<h2>5. Kế hoạch vốn và giải ngân theo năm và nguồn vốn</h2>
${table(t.plan!)}

<h2>6. Kiểm tra tính nhất quán</h2>
${table(t.checks!)}
<p class="note">Mọi số liệu trên được tính từ các bút toán của sổ cái tại vị trí ${formatCount(h.asOf.position)}; mỗi tổng là tổng các dòng của nó. Đối chiếu: <code>ledger verify</code> hoặc <code>GET /api/v1/integrity</code>. Ngày lập: ${formatInstant(h.generatedAt).slice(0, 10)}.</p>
</body>
</html>
`;
}
