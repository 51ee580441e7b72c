import { cn } from '@/components/ui/cn';

export interface BarSeries {
  label: string;
  values: number[];
  /** A series that means trouble (late orders) is drawn in the warning colour. */
  tone?: 'warning';
}

/*
 * Every colour has at least 3:1 contrast against the white card, and bars never touch (each
 * sits on its own line with white between), so each is told from its neighbours by that contrast
 * as well as by its place in the group and the legend. teal-700 5.5:1, slate-500 4.8:1,
 * teal-900 9.9:1, slate-700 10.3:1; the warning colour orange-700 5.2:1.
 */
const palette = ['bg-teal-700', 'bg-slate-500', 'bg-teal-900', 'bg-slate-700'] as const;
const WARNING = 'bg-orange-700';
const colour = (item: BarSeries, index: number) => (item.tone === 'warning' ? WARNING : palette[index % palette.length]!);

/**
 * Grouped horizontal bars in plain HTML, rendered on the server: one row per category, one bar
 * per series with its value written beside it, so the chart reads at any width (down to a 390 px
 * phone) with text no smaller than 12 px. Assistive technology reads the same numbers from a
 * visually hidden table instead of the picture.
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
  const max = Math.max(1, ...series.flatMap((item) => item.values));
  // A share of the row, leaving 2.5rem for the value written after the bar.
  const width = (value: number) => `calc((100% - 2.5rem) * ${Math.round((value / max) * 1000) / 1000})`;

  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
        {series.map((item, index) => (
          <li key={item.label} className="flex items-center gap-2">
            <span className={cn('inline-block size-3 rounded-sm', colour(item, index))} />
            {item.label}
          </li>
        ))}
      </ul>
      {/* One image to assistive technology (its parts are presentational); the table below has the numbers. */}
      <div role="img" aria-label={title} className="flex flex-col gap-2" data-testid="bar-chart">
        {categories.map((category, categoryIndex) => (
          <div key={`${category}-${categoryIndex}`} className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-center gap-x-2">
            <span className="text-xs text-slate-700 tabular-nums">{category}</span>
            <div className="flex min-w-0 flex-col gap-0.5">
              {series.map((item, seriesIndex) => {
                const value = item.values[categoryIndex] ?? 0;
                return (
                  <div key={item.label} className="flex min-w-0 items-center gap-1.5">
                    <span
                      className={cn('h-3 shrink-0 rounded-sm', colour(item, seriesIndex), value > 0 ? 'min-w-0.5' : 'w-0')}
                      style={value > 0 ? { width: width(value) } : undefined}
                    />
                    <span className="text-xs leading-3 text-slate-800 tabular-nums" data-testid="bar-value">
                      {value}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      {/* sr-only on the wrapper: a table grows to its content whatever its width, and would widen the page. */}
      <div className="sr-only">
        <table>
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
      </div>
    </figure>
  );
}
