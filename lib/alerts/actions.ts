'use server';

/**
 * Server Actions of the inbox and the alert settings: thin wrappers around lib/alerts/mutations.ts
 * (which authorise and validate again), answering with form state. The reminder's "still accurate"
 * is the status form's own confirmation (confirmStatusAction), not a second way to confirm.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireAuthSecret } from '../env';
import type { FormState } from '../forms/form-state';
import { runAction } from '../forms/run-action';
import { markAlertsRead, setAlertChannel, setProgramFollow, unsubscribeAlertMail, type ChannelResult, type FollowResult } from './mutations';

export async function markAlertsReadAction(input: unknown): Promise<FormState<{ marked: number }>> {
  return runAction('alert.markRead', async (db, ctx) => {
    const result = await markAlertsRead(db, ctx, input);
    // The bell in the header counts unread entries on every page.
    revalidatePath('/', 'layout');
    return { message: (await getTranslations('alerts'))('markedAll', { count: result.marked }), result };
  });
}

export async function setAlertChannelAction(input: unknown): Promise<FormState<ChannelResult>> {
  return runAction('alert.channel', async (db, ctx) => ({
    message: (await getTranslations('alerts.settings'))('saved'),
    result: await setAlertChannel(db, ctx, input),
  }));
}

export async function setProgramFollowAction(input: unknown): Promise<FormState<FollowResult>> {
  return runAction('alert.follow', async (db, ctx) => {
    const result = await setProgramFollow(db, ctx, input);
    const t = await getTranslations('alerts.follow');
    return { message: t(result.following ? 'following' : 'notFollowing'), result };
  });
}

export async function unsubscribeAlertMailAction(input: unknown): Promise<FormState<ChannelResult>> {
  return runAction('alert.unsubscribe', async (db, ctx) => {
    const result = await unsubscribeAlertMail(db, ctx, input, requireAuthSecret());
    const t = await getTranslations('alerts');
    return { message: t('unsubscribe.done', { kind: t(`kinds.${result.kind}`) }), result };
  });
}
