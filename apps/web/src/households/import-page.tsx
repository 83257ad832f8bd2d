import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { newIdempotencyKey } from '../api/client';
import { fieldLabel, type ApiError } from '../i18n/errors';
import { useApp } from '../shell/app-context';
import { ErrorNote, TableWrap } from '../ui/bits';
import { toApiError } from '../ui/use-load';
import { householdsApi, type ImportRowError, type ImportSummary } from './api';
import { badRowsCsv, badRowsFileName, rowErrorsOf } from './bad-rows-csv';
import { mayReview } from './access';
import { CLASSES, classLabel } from './labels';

type Format = 'text/csv' | 'application/x-ndjson';
type Outcome =
  | Readonly<{ kind: 'done'; file: string; summary: ImportSummary }>
  | Readonly<{ kind: 'rows'; file: string; errors: readonly ImportRowError[]; count: number }>
  | Readonly<{ kind: 'refused'; error: ApiError }>;

const COUNT = new Intl.NumberFormat('vi-VN');
/** Bad rows shown at a time: the server lists up to 10,000, and the page stays light. */
const ROWS_PER_PAGE = 100;

const formatOf = (name: string): Format => (/\.csv$/i.test(name) ? 'text/csv' : 'application/x-ndjson');

export function ImportPage() {
  const { t, me, at } = useApp();
  const past = Boolean(at.asOf || at.atPosition);
  return (
    <>
      <h1>{t('importTitle')}</h1>
      <p className="intro">{t('importIntro')}</p>
      {!mayReview(me) ? <p className="notice">{t('forbiddenHere')}</p> : past ? <p className="notice">{t('asOfNoWrites')}</p> : <ImportForm />}
    </>
  );
}

/**
 * A review file, all or nothing. The Idempotency-Key is made when the form opens, like any other
 * command's; the server also knows a file it already recorded by its content, whatever the key.
 */
function ImportForm() {
  const { t, client } = useApp();
  const key = useRef(newIdempotencyKey());
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format>('text/csv');
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = progress !== null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!file) return setMissingFile(true);
    setMissingFile(false);
    setOutcome(null);
    setProgress({ sent: 0, total: file.size });
    try {
      const summary = await householdsApi(client).importFile(file, format, key.current, (sent, total) => setProgress({ sent, total }));
      key.current = newIdempotencyKey();
      setOutcome({ kind: 'done', file: file.name, summary });
    } catch (error) {
      const apiError = toApiError(error);
      const rows = apiError.statusCode === 400 ? rowErrorsOf(apiError.details) : null;
      setOutcome(rows ? { kind: 'rows', file: file.name, ...rows } : { kind: 'refused', error: apiError });
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <form className="card command narrow" onSubmit={submit} aria-labelledby="import-form" noValidate>
        <h2 id="import-form">{t('hhTabImport')}</h2>
        <div className={missingFile ? 'field invalid' : 'field'}>
          <label htmlFor="import-file">{t('importFile')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
            aria-invalid={missingFile}
            aria-describedby={missingFile ? 'import-file-error' : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) setFormat(formatOf(f.name));
              setMissingFile(false);
            }}
          />
          {missingFile && (
            <p className="error" role="alert" id="import-file-error">
              {t('chooseFile')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="import-format">{t('importFormat')}</label>
          <select id="import-format" name="format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="text/csv">{t('formatCsv')}</option>
            <option value="application/x-ndjson">{t('formatNdjson')}</option>
          </select>
        </div>
        {progress && <Progress sent={progress.sent} total={progress.total} />}
        <button type="submit" disabled={busy}>
          {busy ? t('sending') : t('importSubmit')}
        </button>
      </form>
      {outcome?.kind === 'done' && <Summary file={outcome.file} summary={outcome.summary} />}
      {outcome?.kind === 'rows' && <BadRows file={outcome.file} errors={outcome.errors} count={outcome.count} />}
      {outcome?.kind === 'refused' && <Refused error={outcome.error} />}
    </>
  );
}

function Progress({ sent, total }: { sent: number; total: number }) {
  const { t } = useApp();
  const done = total > 0 && sent >= total;
  return (
    <div className="field" aria-live="polite">
      <label htmlFor="import-progress">{t('uploadProgress')}</label>
      <progress id="import-progress" max={Math.max(total, 1)} value={Math.min(sent, total)} />
      <small className="hint">{done ? t('uploadedChecking') : t('uploading', { sent: COUNT.format(sent), total: COUNT.format(total) })}</small>
    </div>
  );
}

function Summary({ file, summary }: { file: string; summary: ImportSummary }) {
  const { t } = useApp();
  return (
    <section aria-labelledby="import-summary" className="import-summary">
      <h2 id="import-summary">{t('importDone', { file })}</h2>
      <dl className="figures">
        {(
          [
            ['rows', 'importRows'],
            ['registered', 'importRegistered'],
            ['assessed', 'importAssessed'],
            ['reclassified', 'importReclassified'],
          ] as const
        ).map(([k, label]) => (
          <div key={k} data-summary={k}>
            <dt>{t(label)}</dt>
            <dd>{COUNT.format(summary[k])}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('importByClass')}</h3>
      <dl className="figures">
        {CLASSES.map((c) => (
          <div key={c} data-summary-class={c}>
            <dt>{classLabel(t, c)}</dt>
            <dd>{COUNT.format(summary.byClassification[c] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function BadRows({ file, errors, count }: { file: string; errors: readonly ImportRowError[]; count: number }) {
  const { t, lang } = useApp();
  const [page, setPage] = useState(0);
  const csv = useMemo(
    () => URL.createObjectURL(new Blob([badRowsCsv(errors, [t('row'), t('field'), t('message')])], { type: 'text/csv;charset=utf-8' })),
    [errors, t],
  );
  useEffect(() => () => URL.revokeObjectURL(csv), [csv]);
  const pages = Math.ceil(errors.length / ROWS_PER_PAGE);
  const shown = errors.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  return (
    <section aria-labelledby="bad-rows" className="bad-rows">
      <h2 id="bad-rows">{t('badRows')}</h2>
      <p className="error" role="alert">
        {t('importRefused', { count: COUNT.format(count) })}
        {count > errors.length && ` ${t('importListed', { listed: COUNT.format(errors.length) })}`}
      </p>
      <p>
        <a className="download" href={csv} download={badRowsFileName(file)}>
          {t('downloadBadRows')}
        </a>
      </p>
      <TableWrap label={t('badRows')}>
        <table className="bad-rows-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('row')}
              </th>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('message')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.row}|${e.field}|${i}`} data-row={e.row}>
                <td className="num">{e.row}</td>
                <td>
                  {fieldLabel(e.field, lang)} <code>{e.field}</code>
                </td>
                {/* The server's words about the row, which are English. */}
                <td lang="en">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {pages > 1 && (
        <div className="pager">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('prevPage')}
          </button>
          <span>
            {t('badRowsRange', {
              from: COUNT.format(page * ROWS_PER_PAGE + 1),
              to: COUNT.format(page * ROWS_PER_PAGE + shown.length),
              total: COUNT.format(errors.length),
            })}
          </span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('nextPage')}
          </button>
        </div>
      )}
    </section>
  );
}

function Refused({ error }: { error: ApiError }) {
  return (
    <section className="bad-rows">
      <ErrorNote error={error} />
    </section>
  );
}
