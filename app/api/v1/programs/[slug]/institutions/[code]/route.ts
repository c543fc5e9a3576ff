import { getStatusItem, patchStatusItem, type StatusRouteParams } from '@/lib/api/status-route';

export const dynamic = 'force-dynamic';

/** One institution's status row. */
export async function GET(request: Request, context: StatusRouteParams) {
  return getStatusItem(request, 'institution', context);
}

/** Updates (or, with `version` alone, confirms) one institution's status; a partner only their own. */
export async function PATCH(request: Request, context: StatusRouteParams) {
  return patchStatusItem(request, 'institution', context);
}
