'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { adviseAccountType, type AdvisorAnswers, type AdvisorQuestion } from '@/lib/orders/advisor';

/** The seed's questions, one at a time, ending in one recommended account type with its reason. */
export function AccountTypeAdvisor() {
  const t = useTranslations();
  const [answers, setAnswers] = useState<AdvisorAnswers>({});
  const [history, setHistory] = useState<AdvisorQuestion[]>([]);
  const step = adviseAccountType(answers);

  const answer = (question: AdvisorQuestion, value: boolean) => {
    setAnswers({ ...answers, [question]: value });
    setHistory([...history, question]);
  };
  const back = () => {
    const last = history.at(-1);
    if (!last) return;
    const { [last]: _dropped, ...rest } = answers;
    setAnswers(rest);
    setHistory(history.slice(0, -1));
  };

  return (
    <div className="flex flex-col gap-6" aria-live="polite">
      {!step.done ? (
        <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <legend className="float-left w-full text-lg font-semibold text-slate-900">{t(`advisor.questions.${step.question}.title`)}</legend>
          <p className="clear-left pt-1 text-sm text-slate-600">{t(`advisor.questions.${step.question}.hint`)}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Button onClick={() => answer(step.question, true)}>{t('advisor.yes')}</Button>
            <Button variant="secondary" onClick={() => answer(step.question, false)}>
              {t('advisor.no')}
            </Button>
            {history.length > 0 && (
              <Button variant="ghost" onClick={back}>
                {t('advisor.back')}
              </Button>
            )}
          </div>
        </fieldset>
      ) : (
        <section className="rounded-lg border border-teal-200 bg-teal-50 p-4 sm:p-6" data-testid="advisor-result">
          <h2 className="text-lg font-semibold text-teal-900">
            {t('advisor.recommended', { type: t(`accountTypes.${step.type}.name`) })}
          </h2>
          <p className="mt-2 text-sm text-teal-900">{t(step.reason)}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={`/orders/new/form?type=${step.type}`} className={buttonClasses('primary')}>
              {t('advisor.continue')}
            </Link>
            <Button variant="ghost" onClick={back}>
              {t('advisor.back')}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setAnswers({});
                setHistory([]);
              }}
            >
              {t('advisor.restart')}
            </Button>
          </div>
        </section>
      )}
      <Link href="/orders/new/form" className="text-sm font-medium text-teal-800 underline">
        {t('advisor.skip')}
      </Link>
    </div>
  );
}
