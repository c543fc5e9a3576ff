/**
 * Per-request memo of the city detail, so the route's layout (which answers unknown codes with a
 * real 404 before anything streams) and its page and title read the database once.
 */
import 'server-only';
import { cache } from 'react';
import { requireViewer } from '../auth/session';
import { getDb } from '../db';
import { getCityDetail } from './queries';

export const loadCityDetail = cache(async (code: string) => getCityDetail(await getDb(), await requireViewer(), code));
