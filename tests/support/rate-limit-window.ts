/**
 * The sign-in rules' window (signInRateLimits in lib/rate-limit.ts, which is server-only and so
 * out of the browser tests' reach; tests/unit/rate-limit-window.test.ts holds the two equal).
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * Waits, when needed, until the current window has `secondsNeeded` left, so that a test's
 * attempts all count in one window. Windows are fixed and start at whole multiples of their length
 * (db/queries/rate-limits.ts): six sign-in requests that straddled 05:45:00 once counted as four
 * and two, and the sixth was let through, as it would be for anyone.
 */
export async function inOneWindow(windowSeconds: number, secondsNeeded = 15) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < secondsNeeded) await new Promise((resolve) => setTimeout(resolve, (left + 0.5) * 1000));
}
