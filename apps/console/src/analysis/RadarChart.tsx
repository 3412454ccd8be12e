import { useTranslate } from 'react-admin';
import { radarPoint, radarPolygon, type RadarAxis } from './radar';

const SIZE = 320;
const CENTRE = { x: SIZE / 2, y: SIZE / 2 };
const RADIUS = 110;

/** The quarter's mean per action field (filled) against the programme median (dashed). */
export const RadarChart = ({ axes, max }: { axes: RadarAxis[]; max: number }) => {
  const translate = useTranslate();
  const n = axes.length;
  const rings = Array.from({ length: max }, (_, i) => i + 1);
  const quarter = radarPolygon(axes.map((a) => a.value), max, RADIUS, CENTRE);
  const median = radarPolygon(axes.map((a) => a.median), max, RADIUS, CENTRE);
  return (
    <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={translate('genq_analysis.radar.title')} data-testid="analysis-radar">
      {rings.map((r) => (
        <polygon
          key={r}
          points={axes.map((_, i) => radarPoint(i, n, r, max, RADIUS, CENTRE)).map((p) => `${p.x},${p.y}`).join(' ')}
          fill="none"
          stroke="#ccc"
        />
      ))}
      {axes.map((a, i) => {
        const end = radarPoint(i, n, max, max, RADIUS, CENTRE);
        const label = radarPoint(i, n, max * 1.22, max, RADIUS, CENTRE);
        return (
          <g key={a.id}>
            <line x1={CENTRE.x} y1={CENTRE.y} x2={end.x} y2={end.y} stroke="#ccc" />
            <text x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle" fontSize="12">
              {a.id}
            </text>
          </g>
        );
      })}
      {median && <polygon data-testid="radar-median" points={median} fill="none" stroke="#888" strokeDasharray="4 3" strokeWidth={2} />}
      {quarter && <polygon data-testid="radar-quarter" points={quarter} fill="rgba(25,118,210,0.25)" stroke="#1976d2" strokeWidth={2} />}
    </svg>
  );
};
