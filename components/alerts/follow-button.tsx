'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionForm } from '@/components/admin/use-action-form';
import { setProgramFollowAction } from '@/lib/alerts/actions';
import { Button } from '@/components/ui/plain';

/**
 * Follows or unfollows the program on view (its alerts reach the inbox, lib/alerts/audience.ts).
 * The button names what a click does; after a click, a status line tells screen readers (and
 * everyone) what now holds; a refusal shows beside the button.
 */
export function FollowButton({ programSlug, initialFollowing }: { programSlug: string; initialFollowing: boolean }) {
  const t = useTranslations('alerts.follow');
  const { send, isPending, problem } = useActionForm();
  const [isFollowing, setFollowing] = useState(initialFollowing);
  const [hasChanged, setChanged] = useState(false);
  const toggle = () =>
    void send(
      setProgramFollowAction,
      { programSlug, following: !isFollowing },
      {
        quiet: true,
        toast: true,
        onSuccess: (result) => {
          setFollowing(result.following);
          setChanged(true);
        },
      },
    );
  return (
    <span className="follow-program">
      <Button variant={isFollowing ? 'default' : 'primary'} loading={isPending} onClick={toggle} data-testid="follow-program" data-following={isFollowing}>
        {isFollowing ? t('unfollow') : t('follow')}
      </Button>
      {/* Present from the first render so that assistive technology announces its changes. */}
      <span role="status" className="visually-hidden" data-testid="follow-status">
        {hasChanged ? t(isFollowing ? 'following' : 'notFollowing') : ''}
      </span>
      {/* A refusal, where antd's pages would toast it (the dashboard has no toasts). */}
      {problem && (
        <span role="alert" className="follow-problem" data-testid="follow-problem">
          {problem.message}
        </span>
      )}
    </span>
  );
}
