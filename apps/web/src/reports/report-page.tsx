import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../i18n/errors';
import { AsOfBanner } from '../shell/as-of';
import { useApp } from '../shell/app-context';
import { href, navigate } from '../shell/router';
import { ErrorNote } from '../ui/bits';
import { saveBlob } from '../ui/download';
import { toApiError } from '../ui/use-load';
import { programmeReport, REPORT_TABLES, type ReportFormat, type ReportQuery } from './api';

/** The programme report of a unit and fiscal year, as of the point in view: shown in the page, and as XLSX and CSV files. */
export function ReportPage() {
  const { t, route } = useApp();
  const unit = route.params.unit ?? '';
  const year = /^\d{4}$/.test(route.params.year ?? '') ? route.params.year! : '';
  return (
    <>
      <h1>{t('reportTitle')}</h1>
      <AsOfBanner position={null} />
      <ReportForm unit={unit} year={year} />
      {unit && year ? <Report key={`${unit}|${year}`} q={{ unit, fiscalYear: year }} /> : <p>{t('reportPrompt')}</p>}
    </>
  );
}

function ReportForm({ unit, year }: { unit: string; year: string }) {
  const { t, route } = useApp();
  const [u, setU] = useState(unit);
  const [y, setY] = useState(year || String(new Date().getFullYear()));
  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(href(['report'], { unit: u.trim() || undefined, year: /^\d{4}$/.test(y) ? y : undefined }, route));
  }
  return (
    <form className="inline-form spaced" onSubmit={submit} aria-label={t('reportTitle')}>
      <label htmlFor="report-unit">{t('unit')}</label>
      <input id="report-unit" name="unit" value={u} onChange={(e) => setU(e.target.value)} />
      <label htmlFor="report-year">{t('fiscalYear')}</label>
      <input id="report-year" name="year" type="number" min={2000} max={2100} value={y} onChange={(e) => setY(e.target.value)} />
      <button type="submit">{t('show')}</button>
    </form>
  );
}

/**
 * The HTML comes through fetch (the token is a header) and is shown with `srcdoc`: the frame
 * inherits the console's content security policy, which allows the report's own stylesheet by its
 * hash. Not reloaded on focus: a report re-verifies the log up to its position, which is costly.
 */
function Report({ q }: { q: ReportQuery }) {
  const { t, client, at } = useApp();
  const [html, setHtml] = useState<{ text: string | null; error: ApiError | null }>({ text: null, error: null });
  const atKey = JSON.stringify(at);
  useEffect(() => {
    let current = true;
    setHtml({ text: null, error: null });
    programmeReport(client, q, at, 'html')
      .then((r) => r.blob.text())
      .then(
        (text) => current && setHtml({ text, error: null }),
        (e: unknown) => current && setHtml({ text: null, error: toApiError(e) }),
      );
    return () => {
      current = false;
    };
    // `q` and `at` are named by the component's key and `atKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, atKey]);

  if (html.error) return <ErrorNote error={html.error} />;
  return (
    <>
      <Downloads q={q} />
      {html.text === null ? <p aria-live="polite">{t('loading')}</p> : <ReportFrame html={html.text} />}
    </>
  );
}

function ReportFrame({ html }: { html: string }) {
  const { t } = useApp();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(600);
  function loaded() {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    setHeight(doc.documentElement.scrollHeight + 16);
    // A figure links to its console page: open it here, not inside the frame.
    doc.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a) return;
      e.preventDefault();
      window.location.href = a.href;
    });
  }
  return (
    <>
      <p>
        <button type="button" className="secondary" onClick={() => frame.current?.contentWindow?.print()}>
          {t('reportPrint')}
        </button>
      </p>
      <iframe ref={frame} className="report-frame" title={t('reportFrameTitle')} srcDoc={html} onLoad={loaded} style={{ height }} />
    </>
  );
}

function Downloads({ q }: { q: ReportQuery }) {
  const { t, client, at } = useApp();
  const [table, setTable] = useState('');
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function download(format: ReportFormat) {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await programmeReport(
        client,
        q,
        at,
        format,
        format === 'csv' ? (table as (typeof REPORT_TABLES)[number]) || undefined : undefined,
      );
      saveBlob(blob, fileName ?? `bao-cao-chuong-trinh-${q.unit}-${q.fiscalYear}.${format === 'csv' && !table ? 'zip' : format}`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <section aria-labelledby="report-files" className="card">
      <h2 id="report-files">{t('reportFiles')}</h2>
      <div className="inline-form">
        <button type="button" onClick={() => download('xlsx')} disabled={busy !== null}>
          {busy === 'xlsx' ? t('loading') : t('reportXlsx')}
        </button>
        <label htmlFor="report-table">{t('reportTable')}</label>
        <select id="report-table" value={table} onChange={(e) => setTable(e.target.value)}>
          <option value="">{t('reportAllTables')}</option>
          {REPORT_TABLES.map((id) => (
            <option key={id} value={id}>
              {t(`reportTable_${id}` as const)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => download('csv')} disabled={busy !== null}>
          {busy === 'csv' ? t('loading') : t('reportCsv')}
        </button>
      </div>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
