/** The id of every page's `<main>` (with tabIndex -1, so the skip link's jump gives it the focus). */
export const MAIN_ID = 'main';

/**
 * "Skip to content": the first thing the Tab key reaches on every page, hidden until it has the
 * focus. A plain link to `#main`, so it works before the page's JavaScript has loaded.
 */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only rounded-md bg-white px-4 py-2 text-sm font-semibold text-teal-800 underline shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-teal-700"
    >
      {label}
    </a>
  );
}
