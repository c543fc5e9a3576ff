import { getDb } from '@/lib/db';
import { handleApi } from '@/lib/api/handler';
import { listApiPrograms } from '@/lib/api/queries';

export const dynamic = 'force-dynamic';

/** Every program: slug, names, unit, baseline and current target dates. */
export async function GET(request: Request) {
  return handleApi(request, async ({ ctx }) => ({ body: { items: await listApiPrograms(await getDb(), ctx.viewer) } }));
}
