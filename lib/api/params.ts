import { z } from 'zod';
import { ApiProblem } from '@/lib/api/route';

/** An id in a path: anything but a UUID cannot name anything, so it is a 404 like an unknown one. */
export function uuidParam(value: string) {
  if (!z.uuid().safeParse(value).success) throw new ApiProblem('NOT_FOUND');
  return value;
}
