import { failureReason, isFinalSmsStatus, type SmsStatus } from './delivery-rules';

/** What support's order page shows of a password SMS: its status, attempt, and why it failed, as catalogue keys. */
export interface DeliveryView {
  status: SmsStatus;
  attempt: number;
  final: boolean;
  /** A key of `sms.failure` when Twilio gave an error code. */
  failure: ReturnType<typeof failureReason> | null;
  errorCode: string | null;
  flag: string | null;
}

export function deliveryView(delivery: { status: SmsStatus; attempt: number; errorCode: string | null; flag: string | null }): DeliveryView {
  return {
    status: delivery.status,
    attempt: delivery.attempt,
    final: isFinalSmsStatus(delivery.status),
    failure: delivery.errorCode ? failureReason(delivery.errorCode) : null,
    errorCode: delivery.errorCode,
    flag: delivery.flag,
  };
}
