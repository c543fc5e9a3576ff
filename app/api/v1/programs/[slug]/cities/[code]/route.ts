import { getStatusItem, patchStatusItem, type StatusRouteParams } from '@/lib/api/status-route';

export const dynamic = 'force-dynamic';

/** One city's status row. */
export async function GET(request: Request, context: StatusRouteParams) {
  return getStatusItem(request, 'city', context);
}

/** Updates (or, with `version` alone, confirms) one city's status: managers and admins. */
export async function PATCH(request: Request, context: StatusRouteParams) {
  return patchStatusItem(request, 'city', context);
}
