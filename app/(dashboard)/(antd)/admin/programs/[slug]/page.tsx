import type { Metadata } from 'next';
import Alert from 'antd/es/alert';
import Breadcrumb from 'antd/es/breadcrumb';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Descriptions from 'antd/es/descriptions';
import Result from 'antd/es/result';
import Row from 'antd/es/row';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Timeline from 'antd/es/timeline';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getLastChanges, type LastChangeDto } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listEditableAnnotations } from '@/lib/annotations/queries';
import { listEditableMilestones } from '@/lib/milestones/queries';
import { canOpenProgramAdmin, getProgramForAdmin } from '@/lib/programs/admin-queries';
import { daysBetween, formatShanghaiInstant, todayInShanghai } from '@/lib/time';
import { AnnotationsTable } from '@/components/admin/annotations-table';
import { MilestonesTable } from '@/components/admin/milestones-table';
import { ProgramDetailsForm } from '@/components/admin/program-details-form';
import { TargetReplanForm } from '@/components/admin/target-replan-form';
import { EmptySimple, Paragraph, Text, Title } from '@/components/admin/typography';
import { localized } from '@/lib/i18n/localized';
import { getProgramDirection, listRails } from '@/lib/programs/directions';
import { withClientMessages } from '@/components/i18n/with-client-messages';

interface PageProps {
  params: Promise<{ slug: string }>;
}

// A fixed title: metadata renders before the page's own check, so it names no program.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminPrograms');
  return { title: t('title') };
}

async function AdminProgramPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('adminPrograms');
  const tAdmin = await getTranslations('admin');
  const tMatrix = await getTranslations('matrix');
  if (!canOpenProgramAdmin(viewer)) return <Result status="403" title={t('forbidden')} />;

  const { slug } = await params;
  const db = await getDb();
  const locale = await getLocale();
  const program = await getProgramForAdmin(db, viewer, slug);
  if (!program) {
    return (
      <Result
        status="404"
        title={t('notFound')}
        subTitle={t('notFoundHint')}
        extra={<Link href="/admin/programs">{t('backToList')}</Link>}
      />
    );
  }

  const [milestones, annotations, rails, direction] = await Promise.all([
    listEditableMilestones(db, slug),
    listEditableAnnotations(db, slug),
    listRails(db),
    getProgramDirection(db, slug),
  ]);
  const railName = (code: string) => {
    const rail = rails.find((r) => r.code === code);
    return rail ? localized(locale, rail.nameZh, rail.nameEn) : code;
  };
  const [milestoneChanges, annotationChanges] = await Promise.all([
    getLastChanges(db, viewer, 'Milestone', milestones.map((m) => m.id)),
    getLastChanges(db, viewer, 'Annotation', annotations.map((a) => a.id)),
  ]);
  const [tMilestones, tAnnotations] = await Promise.all([getTranslations('milestones'), getTranslations('annotations')]);
  const canManageProgram = can(viewer, 'program.manage');
  const name = localized(locale, program.nameZh, program.nameEn);
  const shift = daysBetween(program.baselineTargetDate, program.targetDate);
  // Both forms send the version back; a change by someone else in between is a conflict, not an overwrite.
  const details = {
    nameZh: program.nameZh,
    nameEn: program.nameEn,
    directionZh: program.directionZh,
    directionEn: program.directionEn,
    staleAfterDays: program.staleAfterDays,
    targetValue: program.targetValue,
    mode: direction?.mode ?? null,
    payers: direction?.payers ?? [],
    acceptors: direction?.acceptors ?? [],
  };
  // Conflict values are scalars: the sides as comma-separated codes (lib/programs/mutations.ts).
  const loadedProgram = {
    version: program.version,
    values: { ...details, payers: details.payers.join(','), acceptors: details.acceptors.join(','), targetDate: program.targetDate },
  };
  const lastChange = (change: LastChangeDto | null) =>
    change
      ? change.actorName
        ? t('lastChange', { name: change.actorName, time: `${change.atShanghai.slice(0, 16)} ${t('timeZone')}` })
        : t('lastChangeUnknownActor', { time: `${change.atShanghai.slice(0, 16)} ${t('timeZone')}` })
      : t('neverChanged');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link href="/admin">{tAdmin('title')}</Link> },
          { title: <Link href="/admin/programs">{t('title')}</Link> },
          { title: name },
        ]}
      />
      <Space wrap align="center">
        <h1 className="page-title">{name}</h1>
        <Tag color="blue">{t(`unit.${program.unit}`)}</Tag>
        {program.isIllustrative && <Tag>{t('illustrative')}</Tag>}
      </Space>
      {!canManageProgram && <Alert type="info" showIcon title={t('readOnly')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('details.title')} data-testid="program-details">
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 16 }}
              items={[
                { key: 'slug', label: t('fields.slug'), children: <Text code>{program.slug}</Text> },
                { key: 'scope', label: t('details.scope'), children: t(`scope.${program.scopeRule}`) },
                { key: 'rows', label: t('details.statusRows'), children: program.statusRows },
                { key: 'start', label: t('details.startDate'), children: program.startDate },
                { key: 'source', label: t('details.source'), children: program.source ?? t('details.noSource') },
                ...(canManageProgram
                  ? []
                  : [
                      { key: 'nameZh', label: t('fields.nameZh'), children: program.nameZh },
                      { key: 'nameEn', label: t('fields.nameEn'), children: program.nameEn },
                      { key: 'directionZh', label: t('fields.directionZh'), children: program.directionZh },
                      { key: 'directionEn', label: t('fields.directionEn'), children: program.directionEn },
                      { key: 'stale', label: t('fields.staleAfterDays'), children: program.staleAfterDays },
                      { key: 'mode', label: t('fields.mode'), children: details.mode ? tMatrix(`mode.${details.mode}`) : '—' },
                      { key: 'payers', label: t('fields.payers'), children: details.payers.map(railName).join('、') || '—' },
                      { key: 'acceptors', label: t('fields.acceptors'), children: details.acceptors.map(railName).join('、') || '—' },
                      ...(program.unit === 'PERCENT'
                        ? [{ key: 'targetValue', label: t('fields.targetValue'), children: `${program.targetValue ?? '—'} %` }]
                        : []),
                    ]),
              ]}
            />
            {canManageProgram && (
              <ProgramDetailsForm
                slug={program.slug}
                unit={program.unit}
                initial={details}
                loaded={loadedProgram}
                rails={rails}
              />
            )}
            <Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }} data-testid="program-last-change">
              {lastChange(program.lastChange)}
            </Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('target.title')} data-testid="program-target">
            <Descriptions
              size="small"
              column={1}
              bordered
              style={{ marginBottom: 16 }}
              items={[
                { key: 'baseline', label: t('target.baseline'), children: program.baselineTargetDate },
                {
                  key: 'current',
                  label: t('target.current'),
                  children: (
                    <Space wrap>
                      <strong>{program.targetDate}</strong>
                      {shift === 0 ? (
                        <Tag color="success">{t('target.onBaseline')}</Tag>
                      ) : shift > 0 ? (
                        <Tag color="warning">{t('target.later', { days: shift })}</Tag>
                      ) : (
                        <Tag color="success">{t('target.earlier', { days: -shift })}</Tag>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
            {canManageProgram && <TargetReplanForm slug={program.slug} loaded={loadedProgram} />}
            {/* The page's second level (card titles are not headings); sized as antd's level 5. */}
            <Title level={2} style={{ marginTop: 24, fontSize: 16 }}>
              {t('target.history')}
            </Title>
            {program.targetChanges.length === 0 ? (
              <EmptySimple description={t('target.noHistory')} />
            ) : (
              <Timeline
                data-testid="target-history"
                items={program.targetChanges.map((c) => ({
                  key: c.id,
                  content: (
                    <div>
                      <strong>{t('target.fromTo', { from: c.fromDate, to: c.toDate })}</strong>
                      <div>{c.reason}</div>
                      <Text type="secondary" style={{ fontSize: 12 }}>
                        {c.changedBy
                          ? t('target.by', { name: c.changedBy.name, time: `${c.changedAtShanghai.slice(0, 16)} ${t('timeZone')}` })
                          : t('target.byUnknown', { time: `${c.changedAtShanghai.slice(0, 16)} ${t('timeZone')}` })}
                      </Text>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Card title={tMilestones('title')} data-testid="program-milestones">
        <MilestonesTable
          programSlug={program.slug}
          today={todayInShanghai()}
          canManage={can(viewer, 'milestone.manage')}
          milestones={milestones.map((m) => ({
            ...m,
            lastChange: milestoneChanges[m.id] ?? null,
            updatedAtShanghai: formatShanghaiInstant(new Date(m.updatedAt)),
          }))}
        />
      </Card>
      <Card title={tAnnotations('title')} data-testid="program-annotations">
        <Paragraph type="secondary">{tAnnotations('hint')}</Paragraph>
        <AnnotationsTable
          programSlug={program.slug}
          canManage={can(viewer, 'annotation.manage')}
          annotations={annotations.map((a) => ({ ...a, lastChange: annotationChanges[a.id] ?? null }))}
        />
      </Card>
    </Space>
  );
}

export default withClientMessages(['adminPrograms', 'annotations', 'common', 'conflict', 'errors', 'matrix', 'milestones', 'validation'], AdminProgramPage);
