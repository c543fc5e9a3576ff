'use client';

import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Segmented, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormProblem } from '@/components/admin/form-problem';
import { useActionForm } from '@/components/admin/use-action-form';
import type { IssueTranslator } from '@/lib/forms/validation';
import { commitImportAction, previewImportAction } from '@/lib/import/actions';
import { CSV_HEADER_LINE, IMPORT_LIMITS } from '@/lib/import/format';
import type { ImportPreviewDto, ImportRowResult, RowOutcome } from '@/lib/import/mutations';
import type { EditableField } from '@/lib/status/schema';

interface LoadedFile {
  name: string;
  size: number;
  buffer: ArrayBuffer;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; percent: number }
  | { kind: 'checking' }
  | { kind: 'previewed' }
  | { kind: 'committing' }
  | { kind: 'committed'; updated: number };


const STEP_OF: Record<Phase['kind'], number> = { idle: 0, reading: 0, checking: 1, previewed: 2, committing: 3, committed: 3 };
const OUTCOME_COLOR: Record<RowOutcome, string> = { change: 'processing', unchanged: 'default', error: 'error' };

function formDataOf(file: LoadedFile): FormData {
  const data = new FormData();
  data.append('file', new Blob([file.buffer], { type: 'text/csv' }), file.name);
  return data;
}

/**
 * Upload -> dry run -> commit. The file is read in the browser (with progress), checked on the
 * server without writing anything, shown row by row, and committed as a whole (or not at all).
 */
export function ImportPanel({ isPartner }: { isPartner: boolean }) {
  const t = useTranslations('import');
  const tFields = useTranslations('statusForm.fields');
  // next-intl's typed translator takes literal keys only; a row error's key arrives at run time.
  const tRow = useTranslations() as unknown as IssueTranslator;
  const format = useFormatter();
  const { send, showClientIssues, problem, clearProblem } = useActionForm();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  /** The step that failed (0 read, 1 server check, 3 commit), while `problem` says why. */
  const [failedStep, setFailedStep] = useState<number | null>(null);
  const [filter, setFilter] = useState<'all' | RowOutcome>('all');

  function check(loaded: LoadedFile) {
    setPhase({ kind: 'checking' });
    void send(previewImportAction, formDataOf(loaded), {
      quiet: true,
      onSuccess: (result) => {
        setPreview(result);
        setFilter(result.counts.errors > 0 ? 'error' : 'all');
        setPhase({ kind: 'previewed' });
      },
      onFailure: () => {
        setFailedStep(1);
        setPhase({ kind: 'idle' });
      },
    });
  }

  function read(chosen: File) {
    clearProblem();
    setFailedStep(null);
    setPreview(null);
    if (chosen.size > IMPORT_LIMITS.maxBytes) {
      showClientIssues([{ path: '', code: 'fileTooLarge' }]);
      setFailedStep(0);
      return;
    }
    const reader = new FileReader();
    setPhase({ kind: 'reading', percent: 0 });
    reader.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: 'reading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    reader.onerror = () => {
      showClientIssues([{ path: '', code: 'fileUnreadable' }]);
      setFailedStep(0);
      setPhase({ kind: 'idle' });
    };
    reader.onload = () => {
      const loaded = { name: chosen.name, size: chosen.size, buffer: reader.result as ArrayBuffer };
      setFile(loaded);
      check(loaded);
    };
    reader.readAsArrayBuffer(chosen);
  }

  function commit() {
    if (!file) return;
    setFailedStep(null);
    setPhase({ kind: 'committing' });
    void send(commitImportAction, formDataOf(file), {
      onSuccess: (result) => {
        setPreview(result);
        setPhase({ kind: 'committed', updated: result.updated });
      },
      onFailure: (state) => {
        if (state.data) {
          setPreview(state.data);
          setFilter('error');
        }
        setFailedStep(3);
        setPhase({ kind: 'previewed' });
      },
    });
  }

  const details = (r: ImportRowResult) =>
    r.errors.length > 0
      ? r.errors.map((e, i) => (
          <div key={i}>
            {e.field ? <Typography.Text code>{e.field}</Typography.Text> : null} {tRow.has(e.key) ? tRow(e.key, e.values) : tRow('validation.invalid')}
          </div>
        ))
      : r.changed.length > 0
        ? t('changedFields', { fields: r.changed.map((f: EditableField) => tFields(f)).join('、') })
        : null;

  const columns: TableColumnsType<ImportRowResult> = [
    { title: t('table.row'), dataIndex: 'row', width: 80 },
    { title: t('table.program'), dataIndex: 'program' },
    { title: t('table.entity'), dataIndex: 'entity', width: 110 },
    { title: t('table.code'), dataIndex: 'code', width: 100 },
    {
      title: t('table.outcome'),
      dataIndex: 'outcome',
      width: 110,
      render: (o: RowOutcome) => <Tag color={OUTCOME_COLOR[o]}>{t(`outcome.${o}`)}</Tag>,
    },
    { title: t('table.details'), key: 'details', render: (_, r) => details(r) },
  ];

  const busy = phase.kind === 'reading' || phase.kind === 'checking' || phase.kind === 'committing';
  const counts = preview?.counts;
  const rows = preview ? preview.results.filter((r) => filter === 'all' || r.outcome === filter) : [];
  const canCommit = phase.kind === 'previewed' && counts !== undefined && counts.errors === 0 && counts.changes > 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('intro')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('format', { header: CSV_HEADER_LINE })} {t('limits')} {isPartner ? t('partnerScope') : null}
          </Typography.Paragraph>
          <Steps
            size="small"
            current={failedStep ?? STEP_OF[phase.kind]}
            status={failedStep !== null ? 'error' : phase.kind === 'committed' ? 'finish' : 'process'}
            items={[{ title: t('steps.read') }, { title: t('steps.check') }, { title: t('steps.preview') }, { title: t('steps.commit') }]}
          />
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              read(chosen);
              // The file is read here and sent by the Server Action, not uploaded by antd.
              return Upload.LIST_IGNORE;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('choose')}</p>
            {file && (
              <p className="ant-upload-hint">
                {t('chosen', { name: file.name, size: format.number(file.size / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }) })}
              </p>
            )}
          </Upload.Dragger>
          {phase.kind === 'reading' && (
            <div aria-live="polite">
              <Progress percent={phase.percent} />
              {t('reading', { percent: phase.percent })}
            </div>
          )}
          {phase.kind === 'checking' && (
            <Alert type="info" showIcon title={t('checking')} aria-live="polite" data-testid="import-checking" />
          )}
          {phase.kind === 'committing' && <Alert type="info" showIcon title={t('committing')} aria-live="polite" />}
          <div data-testid="import-problem">
            <FormProblem problem={problem} />
          </div>
          {phase.kind === 'committed' && (
            <Alert type="success" showIcon title={t('committed', { count: phase.updated })} data-testid="import-committed" />
          )}
        </Space>
      </Card>

      {preview && counts && (
        <Card>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="import-stats">
              {t('stats', {
                encoding: t(`encoding.${preview.encoding}`),
                rows: counts.rows,
                changes: counts.changes,
                unchanged: counts.unchanged,
                errors: counts.errors,
              })}
            </Typography.Text>
            <Space wrap>
              <Segmented
                value={filter}
                onChange={(v) => setFilter(v as typeof filter)}
                options={[
                  { value: 'all', label: `${t('filterAll')}: ${counts.rows}` },
                  { value: 'change', label: `${t('outcome.change')}: ${counts.changes}` },
                  { value: 'unchanged', label: `${t('outcome.unchanged')}: ${counts.unchanged}` },
                  { value: 'error', label: `${t('outcome.error')}: ${counts.errors}` },
                ]}
              />
              {phase.kind !== 'committed' && (
                <Button type="primary" disabled={!canCommit} loading={phase.kind === 'committing'} onClick={commit} data-testid="import-commit">
                  {t('commit', { count: counts.changes })}
                </Button>
              )}
            </Space>
            {phase.kind === 'previewed' && counts.errors > 0 && <Alert type="warning" showIcon title={t('commitBlocked')} />}
            {phase.kind === 'previewed' && counts.errors === 0 && counts.changes === 0 && <Alert type="info" showIcon title={t('nothingToCommit')} />}
            <Table<ImportRowResult>
              rowKey="row"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              data-testid="import-results"
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
