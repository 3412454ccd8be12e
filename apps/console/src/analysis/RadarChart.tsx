import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { radarPoint, radarPolygon, radarShape, type RadarAxis } from './radar';

/** At least 400 px (issue 17): the labels of four action fields and the scale must stay legible. */
const SIZE = 460;
const CENTRE = { x: SIZE / 2, y: SIZE / 2 };
const RADIUS = 150;
const QUARTER = '#1565c0';
const MEDIAN = '#555';

/** A label's short form on the chart; the whole name is its tooltip and stands in the table beside it. */
const short = (text: string, length = 26) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * The quarter's mean per action field (filled) against the programme median (dashed), on the
 * rating scale 0 to `max` with its rings numbered, a legend, and the quarter's shape drawn
 * through the fields it has rated even while others are not (those say so at their label).
 */
export const RadarChart = ({ axes, max }: { axes: RadarAxis[]; max: number }) => {
  const translate = useTranslate();
  const n = axes.length;
  const rings = Array.from({ length: max }, (_, i) => i + 1);
  const quarter = radarShape(
    axes.map((a) => a.value),
    max,
    RADIUS,
    CENTRE,
  );
  const median = radarPolygon(
    axes.map((a) => a.median),
    max,
    RADIUS,
    CENTRE,
  );
  return (
    <Box sx={{ flexShrink: 0 }}>
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={translate('genq_analysis.radar.title')} data-testid="analysis-radar">
        {rings.map((r) => (
          <polygon
            key={r}
            points={axes.map((_, i) => radarPoint(i, n, r, max, RADIUS, CENTRE)).map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke="#bbb"
          />
        ))}
        {/* The scale, along the first axis. */}
        {[0, ...rings].map((r) => {
          const at = radarPoint(0, n, r, max, RADIUS, CENTRE);
          return (
            <text key={`scale-${r}`} x={at.x + 6} y={at.y} fontSize="12" fill="#444" dominantBaseline="middle" data-testid="radar-scale">
              {r}
            </text>
          );
        })}
        {axes.map((a, i) => {
          const end = radarPoint(i, n, max, max, RADIUS, CENTRE);
          const label = radarPoint(i, n, max * 1.3, max, RADIUS, CENTRE);
          const unrated = a.value === null;
          return (
            <g key={a.id}>
              <line x1={CENTRE.x} y1={CENTRE.y} x2={end.x} y2={end.y} stroke="#bbb" />
              <text x={label.x} y={label.y - 8} textAnchor="middle" dominantBaseline="middle" fontSize="14" fontWeight="bold" fill={unrated ? '#666' : '#222'}>
                <title>{a.label}</title>
                {a.id}
              </text>
              <text x={label.x} y={label.y + 9} textAnchor="middle" dominantBaseline="middle" fontSize="12" fill="#444">
                <title>{a.label}</title>
                {unrated ? translate('genq_analysis.radar.unrated') : short(a.label.replace(/^HF\d+\s*[–-]\s*/, ''))}
              </text>
            </g>
          );
        })}
        {median && <polygon data-testid="radar-median" points={median} fill="none" stroke={MEDIAN} strokeDasharray="5 4" strokeWidth={2} />}
        {quarter.outline && <polygon data-testid="radar-quarter" points={quarter.outline} fill="rgba(21,101,192,0.22)" stroke={QUARTER} strokeWidth={2.5} />}
        {quarter.points.map((p) => (
          <circle key={p.axis} cx={p.x} cy={p.y} r={4} fill={QUARTER} data-testid="radar-point" />
        ))}
      </svg>
      <Stack direction="row" spacing={3} sx={{ pl: 2 }} data-testid="radar-legend">
        <Stack direction="row" spacing={1} alignItems="center">
          <svg width="28" height="14" aria-hidden="true">
            <rect x="1" y="1" width="26" height="12" fill="rgba(21,101,192,0.22)" stroke={QUARTER} strokeWidth="2" />
          </svg>
          <Typography variant="body2">{translate('genq_analysis.radar.quarter')}</Typography>
        </Stack>
        <Stack direction="row" spacing={1} alignItems="center">
          <svg width="28" height="14" aria-hidden="true">
            <line x1="1" y1="7" x2="27" y2="7" stroke={MEDIAN} strokeWidth="2" strokeDasharray="5 4" />
          </svg>
          <Typography variant="body2">{translate('genq_analysis.radar.median')}</Typography>
        </Stack>
      </Stack>
      <Typography variant="caption" sx={{ pl: 2, display: 'block', color: 'text.secondary' }}>
        {translate('genq_analysis.radar.scale', { max })}
      </Typography>
    </Box>
  );
};
