/**
 * Per-request memo of the institution detail, so the route's layout (which answers unknown codes
 * with a real 404 before anything streams) and its page and title read the database once.
 */
import 'server-only';
import { cache } from 'react';
import { requireViewer } from '../auth/session';
import { getDb } from '../db';
import { getInstitutionDetail } from './queries';

export const loadInstitutionDetail = cache(async (code: string) => getInstitutionDetail(await getDb(), await requireViewer(), code));
