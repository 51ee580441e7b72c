/**
 * A partner application's life: `new` on arrival, `in_review` once support has looked at it,
 * then `approved` (the organisation exists and its first admin is invited) or `declined`.
 * The database's `partner_application_state` enum is made from this list.
 */
export const applicationStates = ['new', 'in_review', 'approved', 'declined'] as const;
export type ApplicationState = (typeof applicationStates)[number];

/** Still waiting for support's decision: these count as duplicates and in the daily digest. */
export const openApplicationStates = ['new', 'in_review'] as const satisfies readonly ApplicationState[];
export const isOpenApplication = (state: ApplicationState) => (openApplicationStates as readonly ApplicationState[]).includes(state);

/** The application form's minimum fill time (lib/partner-applications/spam.ts): nobody reads it and fills eight fields faster. */
export const MIN_FILL_SECONDS = 5;

/** An application waiting longer than this many Finnish business days is in support's daily digest. */
export const APPLICATION_DIGEST_BUSINESS_DAYS = 2;
