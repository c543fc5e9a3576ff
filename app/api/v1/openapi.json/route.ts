import { NextResponse } from 'next/server';
import { getOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

/** The OpenAPI 3.1 description of API v1, generated from the handlers' zod schemas. Public. */
export function GET() {
  return NextResponse.json(getOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
