/**
 * The page of one city or one institution: breadcrumb, name, tags, its status in every program it
 * is in (with edit links for viewers allowed to edit), and its full history. The two route pages
 * load their DTO and words; this lays them out the same way. Server Component.
 */
import type { ReactNode } from 'react';
import Breadcrumb from 'antd/es/breadcrumb';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Empty from 'antd/es/empty';
import Row from 'antd/es/row';
import Space from 'antd/es/space';
import type { BreadcrumbProps } from 'antd';
import type { StatusChangeDto } from '@/lib/history/queries';
import type { ProgramStatusDto } from '@/lib/history/program-status';
import { HistoryTable } from '@/components/history/history-table';
import { ProgramStatusCard } from '@/components/status/program-status-card';
import { SECONDARY_NAME, SECTION_TITLE } from '@/components/status/section-styles';

export interface EntityDetailProps {
  /** Prefix of the section ids ("city" gives "city-programs", "city-history"). */
  kind: 'city' | 'institution';
  breadcrumbLabel: string;
  breadcrumb: NonNullable<BreadcrumbProps['items']>;
  name: string;
  /** The English name beside a Chinese one; null when the page is in English. */
  secondaryName: string | null;
  /** Tags and notes under the name. */
  tags: ReactNode;
  /** Shown under the tags (e.g. the "illustrative" notice). */
  notice?: ReactNode;
  programsTitle: string;
  programs: ProgramStatusDto[];
  /** Links under a program's card (the edit pages), or undefined when the viewer may not edit. */
  actionsFor: (item: ProgramStatusDto) => ReactNode;
  /** What the programs section says when the entity is in none. */
  empty: { title: string; hint: string; extra?: ReactNode };
  historyTitle: string;
  history: StatusChangeDto[];
}

export function EntityDetail(props: EntityDetailProps) {
  const { kind, programs } = props;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <nav aria-label={props.breadcrumbLabel}>
        <Breadcrumb items={props.breadcrumb} />
      </nav>
      <header>
        <h1 className="page-title" style={{ marginBottom: 8 }}>
          {props.name}
          {props.secondaryName !== null && <span style={SECONDARY_NAME}>{props.secondaryName}</span>}
        </h1>
        <Space size={8} wrap>
          {props.tags}
        </Space>
        {props.notice}
      </header>

      <section aria-labelledby={`${kind}-programs`}>
        <h2 id={`${kind}-programs`} style={SECTION_TITLE}>
          {props.programsTitle}
        </h2>
        {programs.length === 0 ? (
          <Card>
            <Empty
              description={
                <Space orientation="vertical">
                  <strong>{props.empty.title}</strong>
                  {props.empty.hint}
                </Space>
              }
            />
            {props.empty.extra}
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {programs.map((item) => (
              <Col key={item.program.slug} xs={24} lg={12} xxl={8}>
                <ProgramStatusCard item={item} actions={props.actionsFor(item)} />
              </Col>
            ))}
          </Row>
        )}
      </section>

      <section aria-labelledby={`${kind}-history`}>
        <Card title={<h2 id={`${kind}-history`} style={{ ...SECTION_TITLE, margin: 0 }}>{props.historyTitle}</h2>}>
          <HistoryTable items={props.history} />
        </Card>
      </section>
    </Space>
  );
}
