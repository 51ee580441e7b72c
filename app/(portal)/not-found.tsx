import { NotFoundMessage } from '@/components/shell/not-found-message';

/**
 * A page of the portal that finds nothing (notFound()): inside the portal's layout, whose <main>
 * already holds it, so no second main landmark.
 */
export default function PortalNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-16 text-center">
      <NotFoundMessage />
    </div>
  );
}
