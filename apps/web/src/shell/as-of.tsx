import { useState, type FormEvent } from 'react';
import { formatDate } from '../format/date';
import { useApp } from './app-context';
import { href, navigate } from './router';

/**
 * One "the books as of" control for every page: a day (its end, in Asia/Ho_Chi_Minh), a day and
 * a time (that instant in Viet Nam, +07:00), or a log position. It lives in the URL.
 */
export function AsOfControl() {
  const { t, route } = useApp();
  const current = route.params.asOf ?? '';
  const [date, setDate] = useState(current.slice(0, 10));
  const [time, setTime] = useState(current.length > 10 ? current.slice(11, 19) : '');
  const [position, setPosition] = useState(route.params.atPosition ?? '');
  const [invalid, setInvalid] = useState(false);

  function apply(e: FormEvent) {
    e.preventDefault();
    const p = position.trim();
    if (p !== '') {
      if (!/^\d{1,15}$/.test(p)) return setInvalid(true);
      setInvalid(false);
      return navigate(href(route.path, { ...route.params, asOf: undefined, atPosition: p }));
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setInvalid(true);
    setInvalid(false);
    const seconds = time.length === 5 ? `${time}:00` : time;
    const asOf = seconds ? `${date}T${seconds}+07:00` : date;
    navigate(href(route.path, { ...route.params, asOf, atPosition: undefined }));
  }

  function clear() {
    setDate('');
    setTime('');
    setPosition('');
    setInvalid(false);
    navigate(href(route.path, { ...route.params, asOf: undefined, atPosition: undefined }));
  }

  return (
    <form className="as-of" onSubmit={apply} aria-labelledby="as-of-title">
      <span id="as-of-title" className="as-of-title">
        {t('asOfTitle')}
      </span>
      <label>
        {t('asOfDate')}
        <input type="date" name="asOfDate" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('asOfTime')}
        <input type="time" name="asOfTime" step={1} value={time} onChange={(e) => setTime(e.target.value)} />
      </label>
      <label>
        {t('asOfPosition')}
        <input type="text" name="atPosition" inputMode="numeric" size={6} value={position} onChange={(e) => setPosition(e.target.value)} />
      </label>
      <button type="submit">{t('asOfApply')}</button>
      {(route.params.asOf || route.params.atPosition) && (
        <button type="button" className="secondary" onClick={clear}>
          {t('asOfClear')}
        </button>
      )}
      {invalid && (
        <span className="error" role="alert">
          {t('asOfInvalid')}
        </span>
      )}
    </form>
  );
}

/** Says which point of the log the page answers for, whenever it is not "now". */
export function AsOfBanner({ position }: { position: number | null }) {
  const { t, route } = useApp();
  const { asOf, atPosition } = route.params;
  if (!asOf && !atPosition) return null;
  const shown = position === null ? '…' : String(position);
  let text: string;
  if (atPosition) text = t('asOfBannerPosition', { position: shown });
  else {
    const when = describeAsOf(asOf!);
    text = t('asOfBannerDate', { when, position: shown });
  }
  return (
    <p className="banner" role="status">
      {text}
    </p>
  );
}

function describeAsOf(asOf: string): string {
  try {
    return `${asOf.length > 10 ? `${asOf.slice(11, 19)} ` : ''}${formatDate(asOf.slice(0, 10))}`;
  } catch {
    return asOf;
  }
}
