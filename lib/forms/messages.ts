/**
 * The sentences of validation issues and refusals in one locale, for the boundaries that answer a
 * person: Server Actions (the user's locale) and the partner API (its Accept-Language).
 * Server-side: it loads both message catalogues.
 */
import 'server-only';
import { createTranslator } from 'next-intl';
import type { AppLocale } from '../i18n/config';
import { TIME_ZONE } from '../i18n/config';
import { messagesFor } from '../i18n/messages';
import { describeIssues, issuesFromDetails, type IssueTranslator, type ValidationIssue } from './validation';

export type ErrorMessageKey = 'validation' | 'conflict' | 'forbidden' | 'unauthenticated' | 'generic' | 'recordNotFound';

export interface LocaleMessages {
  /** The `validation` namespace: one sentence per issue code. */
  issue: IssueTranslator;
  /** The `errors` namespace: one sentence per kind of refusal. */
  error: (key: ErrorMessageKey) => string;
}

export function messagesIn(locale: AppLocale): LocaleMessages {
  const messages = messagesFor(locale);
  return {
    // next-intl's typed translator takes literal keys only; issue codes are looked up at run time.
    issue: createTranslator({ locale, messages, namespace: 'validation', timeZone: TIME_ZONE }) as unknown as IssueTranslator,
    error: createTranslator({ locale, messages, namespace: 'errors', timeZone: TIME_ZONE }),
  };
}

/** The issues an AppError's details carry, each with its sentence in this locale. */
export function describeDetails(messages: LocaleMessages, details: unknown): ValidationIssue[] {
  return describeIssues(messages.issue, issuesFromDetails(details));
}
