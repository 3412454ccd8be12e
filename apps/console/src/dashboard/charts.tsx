import { Box, Typography } from '@mui/material';

/** Colours of the measure statuses (default catalogue); an unknown status takes a grey. */
export const STATUS_COLOURS: Record<string, string> = {
  geplant: '#90caf9',
  'in Umsetzung': '#1976d2',
  umgesetzt: '#2e7d32',
  verzögert: '#ed6c02',
  ersetzt: '#9e9e9e',
  entfallen: '#616161',
};
const FALLBACK = '#bdbdbd';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What a click on the bar does (opens the filtered list). */
  onClick?: () => void;
}

const LABEL_W = 210;
const BAR_H = 22;
const GAP = 8;
const WIDTH = 560;

/** Horizontal bars with their numbers, in plain SVG (no chart library). */
export const BarChart = ({ bars, title, format, testId }: { bars: Bar[]; title: string; format: (n: number) => string; testId: string }) => {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * (BAR_H + GAP) + GAP;
  const room = WIDTH - LABEL_W - 50;
  return (
    <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} data-testid={testId}>
      {bars.map((b, i) => {
        const y = GAP + i * (BAR_H + GAP);
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * room);
        return (
          <g key={b.key} data-testid={`${testId}-${b.key}`} data-value={b.value} onClick={b.onClick} style={b.onClick ? { cursor: 'pointer' } : undefined}>
            <text x={LABEL_W - 8} y={y + BAR_H / 2} textAnchor="end" dominantBaseline="middle" fontSize="13">
              {b.label}
            </text>
            <rect x={LABEL_W} y={y} width={w} height={BAR_H} rx={3} fill="#1976d2" />
            <text x={LABEL_W + w + 6} y={y + BAR_H / 2} dominantBaseline="middle" fontSize="13">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

export interface StackedRow {
  key: string;
  label: string;
  segments: Array<{ status: string; value: number }>;
}

/** One horizontal bar per row, split by status, with a legend. */
export const StackedBarChart = ({
  rows,
  statuses,
  title,
  format,
  testId,
}: {
  rows: StackedRow[];
  statuses: string[];
  title: string;
  format: (n: number) => string;
  testId: string;
}) => {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const height = rows.length * (BAR_H + GAP) + GAP;
  const room = WIDTH - LABEL_W - 50;
  return (
    <Box>
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} data-testid={testId}>
        {rows.map((r, i) => {
          const y = GAP + i * (BAR_H + GAP);
          const total = r.segments.reduce((s, x) => s + x.value, 0);
          let x = LABEL_W;
          return (
            <g key={r.key} data-testid={`${testId}-${r.key}`} data-value={total}>
              <text x={LABEL_W - 8} y={y + BAR_H / 2} textAnchor="end" dominantBaseline="middle" fontSize="13">
                {r.label}
              </text>
              {r.segments.map((s) => {
                const w = (s.value / max) * room;
                const rect = (
                  <rect key={s.status} x={x} y={y} width={w} height={BAR_H} fill={STATUS_COLOURS[s.status] ?? FALLBACK}>
                    <title>{`${s.status}: ${format(s.value)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + BAR_H / 2} dominantBaseline="middle" fontSize="13">
                {format(total)}
              </text>
            </g>
          );
        })}
      </svg>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
        {statuses.map((s) => (
          <Box key={s} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box sx={{ width: 12, height: 12, bgcolor: STATUS_COLOURS[s] ?? FALLBACK, borderRadius: 0.5 }} />
            <Typography variant="caption">{s}</Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
