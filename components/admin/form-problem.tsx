'use client';

import { Alert, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import type { FormProblem as Problem } from './use-action-form';

/** A refused or failed submission, above the form: the message, stray field messages, the error id. */
export function FormProblem({ problem, onClose }: { problem: Problem | null; onClose?: () => void }) {
  const t = useTranslations('errors');
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : undefined}
      title={problem.message}
      description={
        problem.details.length > 0 || problem.errorId ? (
          <>
            {problem.details.map((detail) => (
              <div key={detail}>{detail}</div>
            ))}
            {problem.errorId ? (
              <Typography.Text type="secondary" copyable={{ text: problem.errorId }}>
                {t('errorId', { id: problem.errorId })}
              </Typography.Text>
            ) : null}
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      role="alert"
    />
  );
}
