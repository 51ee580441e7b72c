import { cn } from '@/components/ui/cn';

export interface BarSeries {
  label: string;
  values: number[];
}

// Alternating teal and slate keeps neighbouring bars apart without relying on hue alone.
const palette = [
  { bar: 'fill-teal-600', swatch: 'bg-teal-600' },
  { bar: 'fill-slate-400', swatch: 'bg-slate-400' },
  { bar: 'fill-teal-900', swatch: 'bg-teal-900' },
  { bar: 'fill-slate-600', swatch: 'bg-slate-600' },
] as const;
const colour = (index: number) => palette[index % palette.length]!;

const width = 640;
const height = 240;
const margin = { top: 12, right: 8, bottom: 28, left: 36 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
// Two decimals are finer than any screen shows and keep the markup short.
const round = (value: number) => Math.round(value * 100) / 100;

/** A step of 1, 2 or 5 times a power of ten, never below 1: the values are counts. */
function tickStep(max: number, targetTicks = 4) {
  const rough = Math.max(1, max / targetTicks);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return Math.max(1, step);
}

/**
 * Grouped bars as plain SVG, rendered on the server. The picture is one image to assistive
 * technology; the same numbers are in a visually hidden table for those who cannot see it.
 */
export function BarChart({
  title,
  series,
  categories,
  categoryLabel,
}: {
  title: string;
  series: BarSeries[];
  categories: string[];
  /** Heads the category column of the hidden table. */
  categoryLabel?: string;
}) {
  const max = Math.max(0, ...series.flatMap((item) => item.values));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, index) => index * step);
  const y = (value: number) => round(margin.top + plotHeight - (value / top) * plotHeight);

  const band = plotWidth / Math.max(1, categories.length);
  const groupWidth = band * 0.75;
  const barWidth = groupWidth / Math.max(1, series.length);
  // Fewer labels when they would collide: every other one beyond twelve categories, and so on.
  const labelEvery = Math.max(1, Math.ceil(categories.length / 12));

  return (
    <figure className="flex flex-col gap-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
        {series.map((item, index) => (
          <li key={item.label} className="flex items-center gap-2">
            <span className={cn('inline-block size-3 rounded-sm', colour(index).swatch)} />
            {item.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" className="h-auto w-full" role="img" aria-label={title}>
        <title>{title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'stroke-slate-400' : 'stroke-slate-200'} />
            <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} className="fill-slate-500">
              {tick}
            </text>
          </g>
        ))}
        {categories.map((category, categoryIndex) => {
          const groupX = margin.left + categoryIndex * band + (band - groupWidth) / 2;
          return (
            <g key={`${category}-${categoryIndex}`}>
              {series.map((item, seriesIndex) => {
                const value = item.values[categoryIndex] ?? 0;
                if (value <= 0) return null;
                return (
                  <rect
                    key={item.label}
                    x={round(groupX + seriesIndex * barWidth)}
                    y={y(value)}
                    width={round(Math.max(1, barWidth - 1))}
                    height={y(0) - y(value)}
                    rx={1.5}
                    className={colour(seriesIndex).bar}
                  >
                    <title>{`${item.label}, ${category}: ${value}`}</title>
                  </rect>
                );
              })}
              {categoryIndex % labelEvery === 0 && (
                <text x={round(groupX + groupWidth / 2)} y={height - 8} textAnchor="middle" fontSize={11} className="fill-slate-600">
                  {category}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            {categoryLabel ? <th scope="col">{categoryLabel}</th> : <td />}
            {series.map((item) => (
              <th key={item.label} scope="col">
                {item.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, categoryIndex) => (
            <tr key={`${category}-${categoryIndex}`}>
              <th scope="row">{category}</th>
              {series.map((item) => (
                <td key={item.label}>{item.values[categoryIndex] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
