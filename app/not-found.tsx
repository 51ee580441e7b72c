import { MAIN_ID } from '@/components/shell/skip-link';
import { NotFoundMessage } from '@/components/shell/not-found-message';

/** An address nothing answers to: outside the portal's layout, so the page's own main landmark. */
export default function NotFound() {
  return (
    <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
      <NotFoundMessage />
    </main>
  );
}
