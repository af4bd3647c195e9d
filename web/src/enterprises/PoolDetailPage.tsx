// One pool: members with their progress to the next tier, and the enterprises
// its rules suggest, which a supervisor adds with one click.
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, Popconfirm, Progress, Space, Spin, Table, Tag } from 'antd';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { entApi, type GoalProgress, type PoolGoal, type Snapshot } from './api';
import { useEntT } from './i18n';
import { has, TagList, wan } from './parts';
import { useRuleText } from './PoolsPage';
import { useEntMutation, usePool } from './queries';
import { useMessage } from '../shell/feedback';

function ProgressCell({ p, goal }: { p: GoalProgress; goal: PoolGoal }) {
  const t = useEntT();
  if (!goal.output && !goal.tag) return <span>—</span>;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      {p.percent !== null && <Progress percent={Number(p.percent)} size="small" status={p.reached ? 'success' : 'active'} format={(v) => `${v}%`} />}
      <Space size={4} wrap>
        {p.reached && <Tag color="green">{t('pools.reachedTag')}</Tag>}
        {!p.reached && p.gap !== null && Number(p.gap) > 0 && <span className="gj-ent-muted">{t('pools.gap', { gap: wan(p.gap) })}</span>}
        {goal.tag && p.tagHeld !== null && <Tag color={p.tagHeld ? 'green' : 'default'}>{t(p.tagHeld ? 'pools.tagHeld' : 'pools.tagMissing', { v: t(`tag.${goal.tag}`) })}</Tag>}
      </Space>
    </Space>
  );
}

export default function PoolDetailPage() {
  const { id = '' } = useParams();
  const t = useEntT();
  const me = useMe();
  const message = useMessage();
  const onError = useErrorMessage();
  const q = usePool(id);
  const text = useRuleText();
  const add = useEntMutation((s: Snapshot) => entApi.addMember(id, { enterpriseId: s.id, addedOn: q.data?.today ?? dayjs().format('YYYY-MM-DD') }).then(() => s));
  const remove = useEntMutation((enterpriseId: string) => entApi.removeMember(id, enterpriseId));
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const { pool, members, candidates, year } = q.data;
  const manage = has(me, 'enterprise.manage');
  const base = [
    { title: t('col.name'), render: (_: unknown, s: Snapshot) => <Link to={`/enterprises/register/${s.id}`}>{s.name}</Link> },
    { title: t('col.unit'), dataIndex: 'unitName', width: 100 },
    { title: `${t('col.output')} ${year}`, width: 150, align: 'right' as const, render: (_: unknown, s: Snapshot) => wan(s.outputValue) },
    { title: t('col.tags'), width: 230, render: (_: unknown, s: Snapshot) => <TagList tags={s.tags} /> },
    { title: t('col.progress'), width: 220, render: (_: unknown, s: Snapshot) => <ProgressCell p={s.progress} goal={pool.goal} /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="pool-detail">
      <Link to="/enterprises/pools">← {t('back')}</Link>
      <Card size="small" title={pool.name}>
        <div className="gj-ent-pool-desc">{pool.description}</div>
        <div>{t('pools.rules')}：{text.rules(pool.rules)}</div>
        <div>{t('pools.goal')}：{text.goal(pool.goal)}</div>
      </Card>
      <Card size="small" title={`${t('pools.membersTitle')}（${members.length}）`}>
        <Table
          rowKey="id"
          size="small"
          dataSource={members}
          data-testid="pool-members"
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            ...base,
            { title: t('col.addedOn'), dataIndex: 'addedOn', width: 110 },
            ...(manage
              ? [{
                  title: '',
                  width: 70,
                  render: (_: unknown, s: Snapshot) => (
                    <Popconfirm title={`${t('pools.remove')}：${s.name}`} onConfirm={() => remove.mutateAsync(s.id).catch(onError)}>
                      <Button size="small" type="link" danger>{t('pools.remove')}</Button>
                    </Popconfirm>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={`${t('pools.candidatesTitle')}（${candidates.length}）`}>
        <Table
          rowKey="id"
          size="small"
          dataSource={candidates}
          data-testid="pool-candidates"
          locale={{ emptyText: t('pools.none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            ...base,
            ...(manage
              ? [{
                  title: '',
                  width: 70,
                  render: (_: unknown, s: Snapshot) => (
                    <Button
                      size="small"
                      type="primary"
                      loading={add.isPending && add.variables?.id === s.id}
                      data-testid={`pool-add-${s.name}`}
                      onClick={() => add.mutateAsync(s).then((x) => message.success(t('pools.added', { name: x.name })), onError)}
                    >
                      {t('pools.add')}
                    </Button>
                  ),
                }]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
