// A list of cards with a pager: what a wide table becomes on a phone (shell/usePhone).
// Takes the same server-pagination props the tables pass antd's Table
// ({ current, pageSize, total, onChange }), so a page keeps one query and one state
// and chooses the table or this list by usePhone(). A card that opens something is a
// link or has onClick on the whole card (a finger finds it); its actions are 44 px buttons.
import type { ReactNode } from 'react';
import { Card, Empty, Pagination, Spin } from 'antd';

export interface StackedPagination {
  current: number;
  pageSize: number;
  total: number;
  onChange(page: number, pageSize: number): void;
}

export interface StackedListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => string;
  /** The card's title line (bold). */
  title: (item: T) => ReactNode;
  /** Tags or a light at the title's right. */
  extra?: (item: T) => ReactNode;
  /** The card's body: a few lines of label · value. */
  body?: (item: T) => ReactNode;
  onOpen?: (item: T) => void;
  selected?: (item: T) => boolean;
  loading?: boolean;
  empty?: ReactNode;
  pagination?: StackedPagination | false;
  /** One line a card, in a box that scrolls after five or so (a short summary above a list). */
  compact?: boolean;
  'data-testid'?: string;
}

export function StackedList<T>({ items, rowKey, title, extra, body, onOpen, selected, loading, empty, pagination, compact, 'data-testid': testId }: StackedListProps<T>) {
  return (
    <div className={compact ? 'gj-stacked gj-stacked-compact' : 'gj-stacked'} data-testid={testId}>
      <Spin spinning={Boolean(loading)}>
        {items.length === 0 && !loading ? (
          <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          items.map((it) => (
            <Card
              key={rowKey(it)}
              size="small"
              className={`gj-stacked-card${onOpen ? ' gj-clickable' : ''}${selected?.(it) ? ' gj-stacked-selected' : ''}`}
              onClick={onOpen ? () => onOpen(it) : undefined}
              data-testid="stacked-card"
            >
              <div className="gj-stacked-head">
                <div className="gj-stacked-title">{title(it)}</div>
                {extra && <div className="gj-stacked-extra">{extra(it)}</div>}
              </div>
              {body && <div className="gj-stacked-body">{body(it)}</div>}
            </Card>
          ))
        )}
      </Spin>
      {pagination && pagination.total > pagination.pageSize && (
        <Pagination
          className="gj-stacked-pager"
          simple
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          onChange={pagination.onChange}
          showSizeChanger={false}
        />
      )}
    </div>
  );
}

/** One "label value" line in a card's body. */
export function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="gj-stacked-field">
      <span className="gj-stacked-label">{label}</span>
      <span className="gj-stacked-value">{children}</span>
    </div>
  );
}
