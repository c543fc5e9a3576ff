'use client';

import { ErrorResult } from '@/components/ui/error-result';

// The server has already logged the error under its digest; the page only shows that id.
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="app-status-page">
      <ErrorResult error={error} retry={retry} />
    </main>
  );
}
