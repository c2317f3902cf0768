import { Group, Text } from '@mantine/core';

/**
 * My assessed levels against roles' expectations as a radar: one spoke per skill, one outline per series. Drawn as
 * plain SVG (recharts, @mantine/charts' engine, is 130 KB gzipped: more than the rest of My career together), so
 * it comes with the page. An image to assistive technology; the page gives the same figures in a table.
 */
export interface RadarSeries {
  /** The key of the series' value in each data row. */
  name: string;
  label: string;
  /** A Mantine colour with its shade, such as `pine.6`, or any CSS colour. */
  color: string;
}

const SIZE = 360;
const CENTRE = SIZE / 2;
const RADIUS = 118;

const cssColor = (color: string) => {
  const [name, shade] = color.split('.');
  return shade && /^\d$/.test(shade) ? `var(--mantine-color-${name}-${shade})` : color;
};

/** Where the value `value` of `top` sits on spoke `index` of `count`, from the top, clockwise. */
function point(index: number, count: number, value: number, top: number): [number, number] {
  const angle = (2 * Math.PI * index) / count - Math.PI / 2;
  const r = (RADIUS * Math.max(0, Math.min(value, top))) / top;
  return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)];
}

const shorten = (text: string) => (text.length > 18 ? `${text.slice(0, 17)}…` : text);

export function ProfileRadar({
  data,
  series,
  top,
  label,
  dataKey = 'skill',
}: {
  data: Record<string, string | number>[];
  series: RadarSeries[];
  top: number;
  label: string;
  dataKey?: string;
}) {
  const count = data.length;
  if (count === 0) return null;
  const rings = Array.from({ length: top }, (_, i) => i + 1);
  return (
    <div>
      <svg role="img" aria-label={label} viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style={{ maxWidth: 480, display: 'block', margin: '0 auto' }}>
        {rings.map((ring) => (
          <polygon
            key={ring}
            points={data.map((_, i) => point(i, count, ring, top).join(',')).join(' ')}
            fill="none"
            stroke="var(--mantine-color-gray-3)"
            strokeWidth={1}
          />
        ))}
        {data.map((row, i) => {
          const [x, y] = point(i, count, top, top);
          const [lx, ly] = point(i, count, top * 1.12, top);
          const anchor = Math.abs(lx - CENTRE) < 4 ? 'middle' : lx > CENTRE ? 'start' : 'end';
          return (
            <g key={String(row[dataKey])}>
              <line x1={CENTRE} y1={CENTRE} x2={x} y2={y} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
              <text x={lx} y={ly} textAnchor={anchor} dominantBaseline="middle" fontSize={count > 16 ? 8 : 10} fill="var(--mantine-color-gray-7)">
                {shorten(String(row[dataKey]))}
              </text>
            </g>
          );
        })}
        {series.map((s) => (
          <polygon
            key={s.name}
            points={data.map((row, i) => point(i, count, Number(row[s.name] ?? 0), top).join(',')).join(' ')}
            fill={cssColor(s.color)}
            fillOpacity={0.12}
            stroke={cssColor(s.color)}
            strokeWidth={2}
          />
        ))}
      </svg>
      <Group justify="center" gap="md" aria-hidden="true">
        {series.map((s) => (
          <Group key={s.name} gap={6} wrap="nowrap">
            <span style={{ width: 12, height: 12, borderRadius: 3, background: cssColor(s.color), display: 'inline-block' }} />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
