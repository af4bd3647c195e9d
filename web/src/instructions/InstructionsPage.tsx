// 领导批示 lists: a leader's own (我的批示, with states and overdue days), a unit's
// to-do (批示待办: open instructions addressed to it, lead or supporting) beside all of
// its own, and for the office every instruction of the zone.
import { useLocation, useNavigate } from 'react-router-dom';
import { Card, Empty, Segmented, Space } from 'antd';
import { useMe } from '../auth/session';
import { QueryError } from '../system/QueryError';
import type { InstructionQuery } from './api';
import { useInT } from './i18n';
import { Counts, InstructionTable } from './parts';
import { useInstructions } from './queries';
import './instructions.css';

export default function InstructionsPage() {
  const it = useInT();
  const me = useMe();
  const nav = useNavigate();
  const todoPath = useLocation().pathname.endsWith('/todo');
  const leader = !!me.abilities['instruction.write'];
  const unitBound = me.user.role === 'reporter' || me.user.role === 'viewer';
  const query: InstructionQuery = leader ? { mine: 'true' } : unitBound && todoPath ? { todo: 'true' } : {};
  const q = useInstructions(query);
  const items = q.data?.items ?? [];
  const title = leader ? it('mine') : unitBound && todoPath ? it('todo') : it('block.title');
  return (
    <Card
      title={title}
      data-testid="in-page"
      extra={
        unitBound && (
          <Segmented
            value={todoPath ? 'todo' : 'all'}
            options={[
              { value: 'todo', label: it('todo') },
              { value: 'all', label: it('block.title') },
            ]}
            onChange={(v) => nav(v === 'todo' ? '/instructions/todo' : '/instructions')}
          />
        )
      }
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.isLoading && !items.length ? (
        <Empty description={leader ? it('mine.empty') : todoPath ? it('todo.empty') : it('block.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Counts items={items} />
          <InstructionTable items={items} loading={q.isLoading} showLeader={!leader} />
        </Space>
      )}
    </Card>
  );
}
