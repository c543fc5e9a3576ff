import { getDb } from '@/lib/db';
import { handleApi, queryOf } from '@/lib/api/handler';
import { listApiInstitutions } from '@/lib/api/queries';
import { institutionListQuerySchema, slugParam } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** The program's institution status rows, optionally of one status and/or one type. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(request, async ({ ctx }) => {
    const slug = slugParam.parse((await params).slug);
    const query = institutionListQuerySchema.parse(queryOf(request));
    return { body: { items: await listApiInstitutions(await getDb(), ctx.viewer, slug, query) } };
  });
}
