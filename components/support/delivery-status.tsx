'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { isDeliveryFlag } from '@/lib/sms/delivery-rules';
import type { DeliveryView } from '@/lib/sms/delivery-view';

const POLL_MS = 2_000;

/**
 * The password SMS's status as support sees it, kept current without a reload: while it is not
 * final, or the order still waits on its SMS, the page asks the server (the authority) every two seconds, and when it changes the page
 * refreshes too, so the order's state and timeline follow (delivered completes the order). The
 * status line is a live region, so a screen reader says each change.
 */
export function DeliveryStatus({ orderId, initial, inFlight }: { orderId: string; initial: DeliveryView | null; inFlight: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [delivery, setDelivery] = useState(initial);
  const shown = useRef(initial);
  const final = delivery?.final ?? false;

  useEffect(() => {
    // A failed attempt is followed by a retry while the order still waits on its SMS.
    if (final && !inFlight) return;
    let stopped = false;
    const poll = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(`/api/orders/${orderId}/delivery`, { cache: 'no-store' });
        if (!response.ok || stopped) return;
        const { delivery: latest } = (await response.json()) as { delivery: DeliveryView | null };
        if (!latest || stopped) return;
        if (shown.current?.status === latest.status && shown.current.attempt === latest.attempt) return;
        shown.current = latest;
        setDelivery(latest);
        router.refresh();
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [orderId, final, inFlight, router]);

  return (
    <Card className="h-fit" data-testid="delivery">
      <h2 className="mb-1 text-lg font-semibold">{t('support.delivery')}</h2>
      <p role="status" className="text-sm text-slate-700" data-testid="delivery-status">
        {delivery ? (
          <>
            {t('support.deliveryStatus', { status: t(`smsStatuses.${delivery.status}`), attempt: delivery.attempt })}
            {delivery.failure && ` · ${t(`sms.failure.${delivery.failure}`)} (${delivery.errorCode})`}
          </>
        ) : (
          t('support.noDelivery')
        )}
      </p>
      {delivery?.flag && (
        <p role="alert" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('support.deliveryFlag')}: {isDeliveryFlag(delivery.flag) ? t(`support.deliveryFlags.${delivery.flag}`) : delivery.flag}
        </p>
      )}
    </Card>
  );
}
