import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/session';
import { isInstitutionCode } from '@/lib/institutions/queries';
import { loadInstitutionDetail } from '@/lib/institutions/request-cache';

/**
 * Decides "no such institution" above the page's loading boundary: once the skeleton has streamed,
 * a 404 could only be shown, no longer sent as the status (institutions/not-found.tsx renders it).
 */
export default async function InstitutionLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ code: string }>;
}) {
  await requireViewer();
  const { code } = await params;
  if (!isInstitutionCode(code) || !(await loadInstitutionDetail(code))) notFound();
  return children;
}
