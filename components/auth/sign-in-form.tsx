'use client';

import { Alert, Button, Form, Input } from 'antd';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { parseSignInError, type SignInFailure } from '@/lib/auth/sign-in-errors';

interface SignInValues {
  email: string;
  password: string;
}

export interface SignInFormProps {
  /**
   * Same-origin path to open after signing in (already checked by the page); null to reload the
   * sign-in page, which then sends the signed-in viewer to their landing page.
   */
  callbackUrl: string | null;
  /** A failure next-auth reported through the URL (`?error=`), e.g. without JavaScript. */
  initialError?: string | null;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const t = useTranslations('auth.signIn');
  const [form] = Form.useForm<SignInValues>();
  const [failure, setFailure] = useState<SignInFailure | null>(initialError ? parseSignInError(initialError) : null);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<InputRef>(null);

  async function handleFinish(values: SignInValues) {
    setPending(true);
    setFailure(null);
    let next: SignInFailure;
    try {
      const result = await signIn('credentials', { email: values.email, password: values.password, redirect: false });
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
    form.setFieldValue('password', '');
    passwordRef.current?.focus();
  }

  return (
    <Form<SignInValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={handleFinish}
      disabled={pending}
      aria-label={t('heading')}
    >
      {failure ? (
        <Alert
          type={failure.kind === 'invalid' ? 'error' : 'warning'}
          showIcon
          role="alert"
          data-testid="sign-in-error"
          style={{ marginBottom: 16 }}
          title={
            failure.kind === 'invalid'
              ? t('invalid')
              : failure.kind === 'rateLimited'
                ? t('rateLimited', { minutes: failure.retryAfterMinutes })
                : failure.kind === 'busy'
                  ? t('busy')
                  : t('serverError')
          }
          description={failure.kind === 'server' && failure.errorId ? t('errorId', { id: failure.errorId }) : undefined}
        />
      ) : null}
      <Form.Item
        name="email"
        label={t('email')}
        rules={[{ required: true, whitespace: true, message: t('emailRequired') }]}
      >
        <Input type="email" autoComplete="username" autoFocus placeholder={t('emailPlaceholder')} maxLength={254} />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
        <Input.Password ref={passwordRef} autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={pending}>
          {t('submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
