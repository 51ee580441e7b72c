import { z } from 'zod';
import { searchPartnersForActor } from '@/db/queries/organisations';
import { translateFieldErrors, withRoute } from '@/lib/authz';
import { AppError } from '@/lib/errors';
import { oneLine } from '@/lib/validations/form-fields';

const searchSchema = z.object({ q: oneLine().min(2, 'searchTooShort').max(100, 'tooLong') });

/** GET /api/organisations?q=kassa – up to ten partners matching a name or business ID (support's filter). */
export const GET = withRoute('organisations:read-any', async (req, { actor }) => {
  const parsed = searchSchema.safeParse({ q: req.nextUrl.searchParams.get('q') ?? '' });
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', await translateFieldErrors(parsed.error));
  return Response.json({ organisations: await searchPartnersForActor(actor, parsed.data.q) });
});
