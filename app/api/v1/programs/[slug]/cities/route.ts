import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { listApiCities } from '@/lib/api/queries';
import { cityListQuerySchema, slugParam } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** The program's city status rows, optionally of one province and/or one status. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(request, async ({ ctx }) => {
    const slug = slugParam.parse((await params).slug);
    const query = cityListQuerySchema.parse(queryOf(request));
    return { body: { items: await listApiCities(await getDb(), ctx.viewer, slug, query) } };
  });
}
