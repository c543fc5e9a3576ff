import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { authenticateApiRequest } from '@/lib/api/authenticate';
import { getDb } from '@/lib/db';
import { apiErrorResponse } from '@/lib/api/handler';
import { jsonOk } from '@/lib/http/respond';
import { PROGRAM_SLUG_RE } from '@/lib/programs/slug';
import { toSummaryApiDto } from '@/lib/summary/api';
import { readWeeklySummaryAs } from '@/lib/summary/generate';
import { getSummaryArchive } from '@/lib/summary/service';

export const dynamic = 'force-dynamic';

const querySchema = z
  .object({
    program: z
      .string()
      .regex(PROGRAM_SLUG_RE, 'programSlug')
      .optional(),
  })
  .strict();

/**
 * The weekly summary of an ISO week (`2021-W39`), across programs or for one (`?program=slug`):
 * the archived one, or generated now from the history and archived when the week was never read
 * before. 422 for a malformed or impossible week, 404 for a week not finished yet, one before the
 * program started or an unknown program.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ week: string }> }) {
  try {
    const ctx = await authenticateApiRequest(request);
    const { week } = await params;
    const query = querySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const db = await getDb();
    const { summary } = await readWeeklySummaryAs(db, getSummaryArchive(db), ctx.viewer, week, query.program ?? null);
    return jsonOk(toSummaryApiDto(summary));
  } catch (error) {
    return apiErrorResponse(error);
  }
}
