// One enterprise: basics and assigned leader, figures by year, tags with the
// dates they were gained and lost, pools, plans, visits and appeals.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { QueryError } from '../system/QueryError';
import { entApi, type TagSpan } from './api';
import { AccountForm, AppealForm, FigureForm, LoseTagForm, TagForm, VisitForm } from './DetailForms';
import { EnterpriseForm } from './EnterpriseForm';
import { useEntT } from './i18n';
import { AppealTable } from './AppealTable';
import { has, wan } from './parts';
import { useCounts, useEnterprise, useVisits } from './queries';
import { useZoneYear } from '../shell/zone';

type Dialog = null | 'edit' | 'figure' | 'tag' | 'account' | 'visit' | 'appeal' | { lose: string; version: number };

export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const t = useEntT();
  const me = useMe();
  const q = useEnterprise(id);
  const counts = useCounts();
  const zoneYear = useZoneYear();
  const visits = useVisits({ enterpriseId: id, page: 1, pageSize: 10 });
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const e = q.data;
  const canWrite = has(me, 'enterprise.write') && (me.user.role !== 'reporter' || me.user.unitId === e.unitId);
  const canManage = has(me, 'enterprise.manage');
  // The zone's year (a demo zone replays an old one), never the machine's, for a new figure.
  const year = counts.data?.year ?? zoneYear ?? new Date().getFullYear();
  const close = () => setDialog(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ent-detail">
      <Link to="/enterprises/register">← {t('back')}</Link>
      <Card
        size="small"
        title={<span data-testid="ent-detail-name">{e.name}</span>}
        extra={canWrite && <Button onClick={() => setDialog('edit')}>{t('edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={t('col.code')}><span className="gj-ent-mono">{e.creditCode}</span></Descriptions.Item>
          <Descriptions.Item label={t('col.unit')}>{e.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('col.chain')}>{e.chain || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.leader')}>{e.leaderName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('form.contact')}>{e.contact || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.pools')}>
            {e.pools.length ? e.pools.map((p) => <Link key={p.id} to={`/enterprises/pools/${p.id}`}><Tag color="red">{p.name}</Tag></Link>) : t('detail.noPools')}
          </Descriptions.Item>
          {e.note && <Descriptions.Item label={t('form.note')} span={3}>{e.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('detail.figures')} extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('figure')}>{t('detail.addFigure')}</Button>}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...e.figures].reverse()}
              columns={[
                { title: t('col.year'), dataIndex: 'year', width: 70 },
                { title: t('col.output'), align: 'right', render: (_, f) => wan(f.outputValue) },
                { title: t('col.tax'), align: 'right', render: (_, f) => wan(f.tax) },
                { title: t('col.employees'), dataIndex: 'employees', align: 'right', render: (v: number | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('detail.tags')} extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('tag')}>{t('detail.addTag')}</Button>}>
            <Table<TagSpan>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={e.tags}
              data-testid="ent-tags"
              columns={[
                { title: t('col.tag'), render: (_, s) => <Tag color={s.lostOn ? 'default' : 'blue'}>{t(`tag.${s.tag}`)}</Tag> },
                { title: t('col.gained'), dataIndex: 'gainedOn', width: 110 },
                { title: t('col.lost'), width: 110, render: (_, s) => s.lostOn ?? <span className="gj-ent-muted">{t('detail.held')}</span> },
                {
                  title: '',
                  width: 90,
                  render: (_, s) => canWrite && !s.lostOn && <Button size="small" type="link" onClick={() => setDialog({ lose: s.id, version: s.version })}>{t('detail.loseTag')}</Button>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('detail.plans')}>
            {e.plans.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={e.plans}
                columns={[
                  { title: t('col.year'), dataIndex: 'year', width: 70, render: (y: number, p) => <Link to={`/enterprises/plans/${p.id}`}>{y}</Link> },
                  { title: t('col.target'), align: 'right', render: (_, p) => wan(p.targetOutput) },
                  { title: t('plans.measures'), dataIndex: 'measures', ellipsis: true },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('detail.visits')} extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('visit')}>{t('detail.logVisit')}</Button>}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={visits.data?.items ?? []}
              columns={[
                { title: t('col.visitedOn'), dataIndex: 'visitedOn', width: 110 },
                { title: t('col.visitors'), dataIndex: 'visitors', width: 160 },
                { title: t('col.findings'), dataIndex: 'findings', ellipsis: true },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={`${t('detail.appeals')}（${t('detail.appealCount', { open: e.appeals.open, total: e.appeals.total })}）`}
            extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('appeal')}>{t('detail.raiseAppeal')}</Button>}
          >
            <AppealTable filter={{ enterpriseId: e.id }} hideEnterprise />
          </Card>
        </Col>
        {canManage && (
          <Col span={24}>
            <Card size="small" title={t('detail.accounts')} extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('account')}>{t('detail.addAccount')}</Button>}>
              {(e.accounts ?? []).length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Space wrap>{(e.accounts ?? []).map((a) => <Tag key={a.id}>{a.displayName}（{a.username}）</Tag>)}</Space>
              )}
            </Card>
          </Col>
        )}
      </Row>
      {dialog === 'edit' && <EnterpriseForm initial={e} onClose={close} />}
      {dialog === 'figure' && <FigureForm enterpriseId={e.id} year={year} figures={e.figures} onClose={close} />}
      {dialog === 'tag' && <TagForm enterpriseId={e.id} onClose={close} />}
      {dialog === 'account' && <AccountForm enterpriseId={e.id} onClose={close} />}
      {dialog === 'visit' && <VisitForm enterpriseId={e.id} onClose={close} />}
      {dialog === 'appeal' && <AppealForm onClose={close} submit={(v) => entApi.raiseAppeal({ ...v, enterpriseId: e.id })} />}
      {dialog !== null && typeof dialog === 'object' && <LoseTagForm enterpriseId={e.id} spanId={dialog.lose} version={dialog.version} onClose={close} />}
    </Space>
  );
}
