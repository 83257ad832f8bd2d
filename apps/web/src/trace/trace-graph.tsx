import { useId, useMemo, useRef } from 'react';
import { useApp } from '../shell/app-context';
import { TableWrap } from '../ui/bits';
import { BOX_PADDING, LINE_HEIGHT, type GraphBox } from './trace-graph-model';
import { layoutTree, type LayoutInput, type Placed } from './tree-layout';

const SPACING = { width: 290, gapX: 24, gapY: 36, margin: 16 } as const;
/** About what fits in a box at 12px; a longer line is cut and the whole text is in the box's <title>. */
const MAX_CHARS = 42;

// Colours as attributes, not CSS classes: the downloaded file must look the same on its own.
const LOOK: Readonly<Record<GraphBox['kind'] | 'alarm', { fill: string; stroke: string; dash?: string }>> = {
  allocation: { fill: '#ffffff', stroke: '#0b5cad' },
  payment: { fill: '#f5f7fa', stroke: '#4f5b69' },
  reversal: { fill: '#fff8e1', stroke: '#8a6100' },
  outside: { fill: '#eceff3', stroke: '#4f5b69', dash: '4 3' },
  alarm: { fill: '#fdecea', stroke: '#b3261e' },
};

const cut = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/**
 * The fund flow drawn as a tree (our own layout, no library), with a button that saves the same
 * drawing as an SVG file. The drawing is one image to assistive technology; the list beside it
 * says everything it shows, with links.
 */
export function TraceGraph({ root, label, fileName }: { root: LayoutInput<GraphBox>; label: string; fileName: string }) {
  const { t } = useApp();
  const svgRef = useRef<SVGSVGElement>(null);
  const titleId = useId();
  const layout = useMemo(() => layoutTree(root, SPACING), [root]);

  const download = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
    const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later rather than at once: a browser may still be reading it for the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <section className="trace-graph" aria-label={label}>
      <p>
        <button type="button" className="secondary" onClick={download}>
          {t('downloadSvg')}
        </button>
      </p>
      <TableWrap label={label}>
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          role="img"
          aria-labelledby={titleId}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          fontFamily="system-ui, 'Segoe UI', Roboto, sans-serif"
          fontSize={12}
        >
          <title id={titleId}>{label}</title>
          <rect width={layout.width} height={layout.height} fill="#ffffff" />
          {layout.nodes.map((n) => n.parent && <Edge key={`e-${n.value.id}`} from={n.parent} to={n} />)}
          {layout.nodes.map((n) => (
            <Box key={n.value.id} node={n} />
          ))}
        </svg>
      </TableWrap>
    </section>
  );
}

function Edge({ from, to }: { from: Placed<GraphBox>; to: Placed<GraphBox> }) {
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const mid = (y1 + to.y) / 2;
  return <path d={`M${x1} ${y1} V${mid} H${x2} V${to.y}`} fill="none" stroke="#8a96a3" strokeWidth={1.5} />;
}

function Box({ node }: { node: Placed<GraphBox> }) {
  const b = node.value;
  const look = b.alarm ? LOOK.alarm : LOOK[b.kind];
  const x = node.x + BOX_PADDING;
  const line = (i: number) => node.y + BOX_PADDING + (i + 1) * LINE_HEIGHT - 4;
  return (
    <g data-box={b.id} data-kind={b.kind} data-alarm={b.alarm ? 'true' : undefined}>
      <title>{[b.id, ...b.lines, ...(b.alarmLines ?? [])].join('\n')}</title>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={6}
        fill={look.fill}
        stroke={look.stroke}
        strokeWidth={b.alarm ? 2.5 : 1.25}
        strokeDasharray={look.dash}
      />
      <text x={x} y={line(0)} fontWeight={700} fill="#1d2733" textDecoration={b.struck ? 'line-through' : undefined}>
        {cut(b.id)}
      </text>
      {b.lines.map((l, i) => (
        <text key={i} x={x} y={line(i + 1)} fill="#1d2733" textDecoration={b.struck && i === 1 ? 'line-through' : undefined}>
          {cut(l)}
        </text>
      ))}
      {(b.alarmLines ?? []).map((l, i) => (
        <text key={`a${i}`} x={x} y={line(b.lines.length + i + 1)} fill="#b3261e" fontWeight={600}>
          {cut(l)}
        </text>
      ))}
    </g>
  );
}
