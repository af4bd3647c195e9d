// 我的企业: what an enterprise user sees — its own enterprise, its appeals and
// their progress, and the form to raise a new one.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Spin, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { QueryError } from '../system/QueryError';
import { entApi, type Appeal } from './api';
import { AppealForm } from './DetailForms';
import { useEntT } from './i18n';
import { CategoryTag, LightDot, SatTag, StateTag } from './parts';
import { useMyAppeals, useMyEnterprise } from './queries';
import { Field, StackedList } from '../shell/StackedList';
import { usePhone } from '../shell/usePhone';

export default function MyEnterprisePage() {
  const t = useEntT();
  const me = useMe();
  const navigate = useNavigate();
  const q = useMyEnterprise();
  const [page, setPage] = useState(1);
  const appeals = useMyAppeals({ page, pageSize: 10 });
  const [raising, setRaising] = useState(false);
  const phone = usePhone();
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const e = q.data;
  const newButton = (
    <Button type="primary" block={phone} icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="my-appeal-new">
      {t('my.newAppeal')}
    </Button>
  );
  const held = e.tags.filter((s) => !s.lostOn);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-enterprise">
      <Card size="small" title={<span data-testid="my-enterprise-name">{e.name}</span>} extra={<span className="gj-ent-service">{t('my.service')}</span>}>
        <p>{t('my.hello', { name: me.user.displayName })}</p>
        <Descriptions size="small" bordered={!phone} column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('col.code')}><span className="gj-ent-mono">{e.creditCode}</span></Descriptions.Item>
          <Descriptions.Item label={t('col.unit')}>{e.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('col.leader')}>{e.leaderName || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.chain')}>{e.chain || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('col.tags')} span={2}>
            {held.map((s) => <Tag key={s.id} color="blue">{t(`tag.${s.tag}`)}</Tag>)}
            {e.pools.map((p) => <Tag key={p.id} color="red">{p.name}</Tag>)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={`${t('my.myAppeals')}（${t('detail.appealCount', { open: e.appeals.open, total: e.appeals.total })}）`}
        extra={!phone && newButton}
      >
        <p className="gj-ent-muted">{t('appeals.standard')}</p>
        {phone && <div className="gj-ent-phone-new">{newButton}</div>}
        {phone ? (
          <StackedList<Appeal>
            data-testid="my-appeals"
            items={appeals.data?.items ?? []}
            loading={appeals.isFetching}
            empty={t('appeals.empty')}
            rowKey={(a) => a.id}
            onOpen={(a) => navigate(`/enterprises/my/appeals/${a.id}`)}
            pagination={{ current: page, pageSize: 10, total: appeals.data?.total ?? 0, onChange: setPage }}
            title={(a) => (
              <span>
                <LightDot light={a.light} /> {a.title}
              </span>
            )}
            extra={(a) => <StateTag state={a.state} />}
            body={(a) => (
              <>
                <Field label={t('col.category')}><CategoryTag category={a.category} /></Field>
                <Field label={t('col.assignee')}>{a.assigneeName ?? '—'}</Field>
                <Field label={t('col.raisedOn')}>{a.raisedOn}</Field>
                <Field label={t('col.solveBy')}>{a.deadline ?? a.solveBy}</Field>
                {a.state === 'closed' && <Field label={t('col.satisfaction')}><SatTag value={a.satisfaction} /></Field>}
              </>
            )}
          />
        ) : (
          <Table<Appeal>
            rowKey="id"
            size="middle"
            loading={appeals.isFetching}
            dataSource={appeals.data?.items ?? []}
            locale={{ emptyText: t('appeals.empty') }}
            data-testid="my-appeals"
            pagination={{ current: page, pageSize: 10, total: appeals.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            onRow={(a) => ({ onClick: () => void navigate(`/enterprises/my/appeals/${a.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('col.light'), width: 50, align: 'center', render: (_, a) => <LightDot light={a.light} /> },
              { title: t('col.title'), dataIndex: 'title' },
              { title: t('col.category'), width: 90, render: (_, a) => <CategoryTag category={a.category} /> },
              { title: t('col.assignee'), dataIndex: 'assigneeName', width: 120, render: (v: string | null) => v ?? '—' },
              { title: t('col.raisedOn'), dataIndex: 'raisedOn', width: 110 },
              { title: t('col.solveBy'), width: 110, render: (_, a) => a.deadline ?? a.solveBy },
              { title: t('col.state'), width: 90, render: (_, a) => <StateTag state={a.state} /> },
              { title: t('col.satisfaction'), width: 110, render: (_, a) => (a.state === 'closed' ? <SatTag value={a.satisfaction} /> : '—') },
            ]}
          />
        )}
      </Card>
      {raising && <AppealForm onClose={() => setRaising(false)} submit={(v) => entApi.myRaise(v)} />}
    </Space>
  );
}
