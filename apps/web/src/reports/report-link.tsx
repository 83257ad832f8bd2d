import { useApp } from '../shell/app-context';
import { href } from '../shell/router';

/**
 * The programme report of the unit and year in view. With the whole scope in view, the user's
 * own unit when it has exactly one; otherwise the report page asks which.
 */
export function ReportLink({ year, unit }: { year: number; unit: string | undefined }) {
  const { t, route, me } = useApp();
  const reported = unit ?? (me && me.units.length === 1 ? me.units[0] : undefined);
  return (
    <p className="links">
      <a href={href(['report'], { unit: reported, year: String(year) }, route)}>
        {reported ? t('reportLink', { year, unit: reported }) : t('reportLinkAny', { year })}
      </a>
    </p>
  );
}
