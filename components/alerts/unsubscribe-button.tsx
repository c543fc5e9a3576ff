'use client';

import { Button } from 'antd';
import { useState } from 'react';
import { useActionForm } from '@/components/admin/use-action-form';
import { unsubscribeAlertMailAction } from '@/lib/alerts/actions';

/** Confirms an unsubscribe link: a POST (the Server Action), never the GET that opened the page. */
export function UnsubscribeButton({ token, label, done }: { token: string; label: string; done: string }) {
  const { send, isPending } = useActionForm();
  const [isDone, setDone] = useState(false);
  if (isDone) return <p role="status">{done}</p>;
  return (
    <Button type="primary" loading={isPending} onClick={async () => setDone(await send(unsubscribeAlertMailAction, { token }, { quiet: true, toast: true }))} data-testid="unsubscribe-confirm">
      {label}
    </Button>
  );
}
