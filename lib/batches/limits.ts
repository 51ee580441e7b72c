/**
 * How big a bulk-order file may be. Apart from the parser so that the request size limits
 * (lib/http/body-limit.ts, loaded before every request) can read them without the parsers.
 */
export const MAX_BATCH_ROWS = 1000;
export const MAX_BATCH_BYTES = 2 * 1024 * 1024;
