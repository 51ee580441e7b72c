import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { BarChart } from '@/components/support/bar-chart';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { PageHeader } from '@/components/ui/page-header';
import { getOverview } from '@/db/queries/overview';
import { requirePageActor } from '@/lib/authz';
import { timeZone } from '@/lib/i18n/config';
import { getKeptFormatter } from '@/lib/i18n/formatter';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('overview'))('title') };
}

const WEEKS = 12;

function Stat({ label, value, hint, tone, link }: { label: string; value: string; hint: string; tone?: string; link?: ReactNode }) {
  return (
    <Card className="flex flex-col gap-1">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={cn('text-3xl font-semibold tracking-tight tabular-nums', tone ?? 'text-slate-900')}>{value}</dd>
      <dd className="text-sm text-slate-600">{hint}</dd>
      {link && <dd className="mt-auto pt-2 text-sm">{link}</dd>}
    </Card>
  );
}

export default async function SupportOverviewPage() {
  // Every organisation's numbers: only support may see them.
  await requirePageActor('support:queue');
  const [t, format, overview] = await Promise.all([getTranslations('overview'), getKeptFormatter(), getOverview({ weeks: WEEKS })]);

  const share =
    overview.shareInTime === null ? '–' : format.number(overview.shareInTime, { style: 'percent', maximumFractionDigits: 1 });
  const median = (() => {
    if (overview.medianHoursToFulfil === null) return '–';
    const hours = Math.round(overview.medianHoursToFulfil);
    if (hours < 1) return t('underAnHour');
    const days = Math.floor(hours / 24);
    return days === 0 ? t('durationHours', { hours }) : t('duration', { days, hours: hours % 24 });
  })();
  const queueLink = (risk: 'at_risk' | 'overdue', label: string) => (
    <Link href={`/support?risk=${risk}`} className="font-medium text-teal-800 underline-offset-2 hover:underline">
      {t('showInQueue')}
      <span className="sr-only">: {label}</span>
    </Link>
  );

  const categories = overview.perWeek.map((week) => format.dateTime(week.weekStart, { month: 'short', day: 'numeric', timeZone }));
  const charts = [
    {
      heading: t('submittedVsCompleted'),
      title: t('submittedVsCompletedTitle', { weeks: WEEKS }),
      series: [
        { label: t('submitted'), values: overview.perWeek.map((week) => week.submitted) },
        { label: t('completed'), values: overview.perWeek.map((week) => week.completed) },
      ],
    },
    {
      heading: t('inTimeVsLate'),
      title: t('inTimeVsLateTitle', { weeks: WEEKS }),
      series: [
        { label: t('inTime'), values: overview.perWeek.map((week) => week.completedInTime) },
        { label: t('late'), values: overview.perWeek.map((week) => week.completed - week.completedInTime), tone: 'warning' as const },
      ],
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Link href="/support" className={buttonClasses('secondary')}>
            {t('openNow', { count: overview.openNow })}
          </Link>
        }
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="overview-stats">
        <Stat
          label={t('shareInTime')}
          value={share}
          hint={overview.completed === 0 ? t('noneCompleted') : t('shareInTimeHint', { inTime: overview.completedInTime, completed: overview.completed })}
        />
        <Stat label={t('medianToFulfil')} value={median} hint={overview.completed === 0 ? t('noneCompleted') : t('medianHint')} />
        <Stat
          label={t('atRiskNow')}
          value={format.number(overview.atRiskNow)}
          hint={t('atRiskHint')}
          tone={overview.atRiskNow > 0 ? 'text-amber-800' : undefined}
          link={queueLink('at_risk', t('atRiskNow'))}
        />
        <Stat
          label={t('overdueNow')}
          value={format.number(overview.overdueNow)}
          hint={t('overdueHint')}
          tone={overview.overdueNow > 0 ? 'text-red-700' : undefined}
          link={queueLink('overdue', t('overdueNow'))}
        />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        {charts.map((chart) => (
          <Card key={chart.heading} className="flex min-w-0 flex-col gap-3">
            <div>
              <h2 className="text-base font-semibold text-slate-900">{chart.heading}</h2>
              <p className="text-sm text-slate-600">{t('perWeek', { weeks: WEEKS })}</p>
            </div>
            <BarChart title={chart.title} series={chart.series} categories={categories} categoryLabel={t('week')} />
          </Card>
        ))}
      </div>
    </>
  );
}
