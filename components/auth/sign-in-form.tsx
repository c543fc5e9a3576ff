'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type FormEvent } from 'react';
import { parseSignInError, type SignInFailure } from '@/lib/auth/sign-in-errors';
import styles from '@/components/ui/plain.module.css';

export interface SignInFormProps {
  /**
   * Same-origin path to open after signing in (already checked by the page); null to reload the
   * sign-in page, which then sends the signed-in viewer to their landing page.
   */
  callbackUrl: string | null;
  /** A failure next-auth reported through the URL (`?error=`), e.g. without JavaScript. */
  initialError?: string | null;
}

type Field = 'email' | 'password';

/**
 * Plain form controls in the app's theme, not Ant Design's: the sign-in page is the first page
 * every user loads, often on a phone, and it stays light (docs/decisions/045-plain-public-pages.md).
 */
export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const t = useTranslations('auth.signIn');
  const id = useId();
  const [failure, setFailure] = useState<SignInFailure | null>(initialError ? parseSignInError(initialError) : null);
  const [missing, setMissing] = useState<ReadonlySet<Field>>(new Set());
  const [pending, setPending] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = emailRef.current?.value.trim() ?? '';
    const password = passwordRef.current?.value ?? '';
    const empty = new Set<Field>();
    if (!email) empty.add('email');
    if (!password) empty.add('password');
    setMissing(empty);
    if (empty.size > 0) {
      (empty.has('email') ? emailRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    setFailure(null);
    let next: SignInFailure;
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full load, so every server component renders with the new session cookie.
        window.location.assign(callbackUrl ?? window.location.href);
        return;
      }
      next = parseSignInError(result?.error ?? '');
    } catch {
      next = { kind: 'server', errorId: null };
    }
    setFailure(next);
    setPending(false);
    if (passwordRef.current) passwordRef.current.value = '';
    // After the fieldset is enabled again, or focus would not move.
    requestAnimationFrame(() => passwordRef.current?.focus());
  }

  function clearMissing(field: Field) {
    if (missing.has(field)) setMissing(new Set([...missing].filter((f) => f !== field)));
  }

  const errorOf = (field: Field) => (missing.has(field) ? `${id}-${field}-error` : undefined);

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('heading')} className={styles.form}>
      {failure ? (
        <div
          role="alert"
          data-testid="sign-in-error"
          className={`${styles.notice} ${failure.kind === 'invalid' ? styles.error : styles.warning}`}
        >
          <p className={styles.noticeTitle}>
            {failure.kind === 'invalid'
              ? t('invalid')
              : failure.kind === 'rateLimited'
                ? t('rateLimited', { minutes: failure.retryAfterMinutes })
                : failure.kind === 'busy'
                  ? t('busy')
                  : t('serverError')}
          </p>
          {failure.kind === 'server' && failure.errorId ? <p>{t('errorId', { id: failure.errorId })}</p> : null}
        </div>
      ) : null}
      <fieldset disabled={pending} className={styles.fieldset}>
        <div className={styles.field}>
          <label htmlFor={`${id}-email`}>{t('email')}</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            autoFocus
            placeholder={t('emailPlaceholder')}
            maxLength={254}
            className={styles.input}
            aria-required
            aria-invalid={missing.has('email') || undefined}
            aria-describedby={errorOf('email')}
            onInput={() => clearMissing('email')}
          />
          {missing.has('email') ? (
            <p id={errorOf('email')} className={styles.fieldError}>
              {t('emailRequired')}
            </p>
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-password`}>{t('password')}</label>
          <div className={styles.passwordBox}>
            <input
              ref={passwordRef}
              id={`${id}-password`}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              className={styles.input}
              aria-required
              aria-invalid={missing.has('password') || undefined}
              aria-describedby={errorOf('password')}
              onInput={() => clearMissing('password')}
            />
            <button
              type="button"
              className={styles.reveal}
              aria-controls={`${id}-password`}
              onClick={() => setShowPassword((shown) => !shown)}
            >
              {showPassword ? t('hidePassword') : t('showPassword')}
            </button>
          </div>
          {missing.has('password') ? (
            <p id={errorOf('password')} className={styles.fieldError}>
              {t('passwordRequired')}
            </p>
          ) : null}
        </div>
        <button type="submit" className={styles.primary} aria-busy={pending}>
          {pending ? <span className={styles.spinner} aria-hidden /> : null}
          {t('submit')}
        </button>
      </fieldset>
    </form>
  );
}
