import type { Metadata } from 'next';
import Card from 'antd/es/card';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { getTranslations } from 'next-intl/server';
import { Paragraph } from '@/components/admin/typography';
import { ApiDocsOperation, CodeBlock } from '@/components/api-docs/operation';
import { listApiDocsOperations } from '@/lib/api/docs';
import { getOpenApiDocument } from '@/lib/api/openapi';
import { requireViewer } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiDocs');
  return { title: t('title') };
}

/** The partner API reference, rendered from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  await requireViewer();
  const t = await getTranslations('apiDocs');
  const doc = getOpenApiDocument();
  const operations = listApiDocsOperations(doc);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('title')}</h1>
      <Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}{' '}
        <a href="/api/v1/openapi.json" data-testid="openapi-link">
          {t('openapiLink')}
        </a>
      </Paragraph>
      <Card title={t('auth.title')}>
        <p>{t('auth.body')}</p>
        <CodeBlock>{`curl -H "Authorization: Bearer $HUTONG_TOKEN" https://hutong.example.cn/api/v1/programs`}</CodeBlock>
        <p>{t('auth.errors')}</p>
        <Space wrap>
          {['401 UNAUTHENTICATED', '403 FORBIDDEN', '404 NOT_FOUND', '409 CONFLICT', '422 VALIDATION', '429 RATE_LIMITED'].map((code) => (
            <Tag key={code}>{code}</Tag>
          ))}
        </Space>
      </Card>
      {operations.map((op) => (
        <ApiDocsOperation key={`${op.method} ${op.path}`} operation={op} labels={{ parameters: t('parameters'), body: t('body'), responses: t('responses'), required: t('required') }} />
      ))}
    </Space>
  );
}
