// 考核方案 editor: period, ranking group, red-flag rule, and weighted items of
// each kind with the options that turn a raw value into points. The period is picked
// from those holding data (a campaign's is a label of its own). The server
// checks everything again (weights add up to 100, the period matches its kind…).
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useErrorMessage } from '../api/useErrorMessage';
import { assessmentApi, itemKinds, type ItemKind, type PeriodKind, type Scheme, type SchemeInput, type SchemeItem } from './api';
import { useAsT, type AsKey } from './i18n';
import { withKeys } from '../../../src/domains/assessment/itemKeys';
import { useAsMutation, useOptions } from './queries';
import { currentPeriod } from '../../../src/domains/system/periodChoices';
import { PeriodSelect } from '../shell/PeriodSelect';
import { useZone } from '../shell/zone';
import { useMessage } from '../shell/feedback';

/** Every field any kind of item has, each optional: what the form holds whatever kind is chosen. */
type Flat<U> = { [K in U extends unknown ? keyof U : never]?: U extends { [P in K]?: infer V } ? V : never };
/** An item in the form: no key until it is saved (withKeys makes one); the server checks which fields its kind needs. */
type FormItem = Flat<SchemeItem> & { name: string; kind: ItemKind; weight: string };

interface Values extends Omit<SchemeInput, 'startDate' | 'endDate' | 'items'> {
  items: FormItem[];
  dates?: [Dayjs, Dayjs];
}

const periodKinds: PeriodKind[] = ['quarter', 'month', 'half', 'year', 'campaign'];

const blankItem = (kind: ItemKind = 'tasks_on_time'): FormItem => ({ name: '', kind, weight: '' });

export function SchemeEditor({ scheme, onClose }: { scheme?: Scheme; onClose(id?: string): void }) {
  const at = useAsT();
  const message = useMessage();
  const onError = useErrorMessage();
  const options = useOptions();
  const [form] = Form.useForm<Values>();
  const save = useAsMutation((body: SchemeInput) => (scheme ? assessmentApi.update(scheme.id, { ...body, version: scheme.version }) : assessmentApi.create(body)));
  const periodKind = Form.useWatch('periodKind', form);
  const items = (Form.useWatch('items', form) ?? []) as FormItem[];
  const weightSum = items.reduce((a, i) => a + (Number(i?.weight) || 0), 0);
  const zoneToday = useZone().data?.today;
  const groups = options.data?.groups ?? [];
  const indicators = options.data?.indicators ?? [];
  /** What an item is called unless the supervisor names it: the indicator's name, or the kind's. */
  const defaultName = (i: FormItem | undefined) => {
    const ind = indicators.find((x) => x.code === i?.indicatorCode);
    if (!i?.kind) return '';
    if (i.kind === 'indicator_completion' && ind) return ind.name;
    if (i.kind === 'growth_rank' && ind) return `${ind.name}${at('item.growthSuffix')}`;
    return at(`item.${i.kind}` as AsKey);
  };

  const initial: Values = scheme
    ? { ...scheme, dates: scheme.periodKind === 'campaign' ? [dayjs(scheme.startDate), dayjs(scheme.endDate)] : undefined }
    : { name: '', periodKind: 'quarter', period: zoneToday ? currentPeriod('quarter', zoneToday) : '', rankingGroup: 'territorial', redFlagPolicy: 'all_tied', items: [blankItem()] };

  /** A new kind starts on its current period (a campaign names its own). */
  function onKind(kind: PeriodKind) {
    form.setFieldValue('period', kind === 'campaign' || !zoneToday ? '' : currentPeriod(kind, zoneToday));
  }

  function submit(v: Values) {
    const { dates, ...rest } = v;
    const body: SchemeInput = {
      ...rest,
      // Keys are made from the kind and the indicator; an empty name takes the catalogue's.
      items: withKeys(v.items.map((i) => ({ ...i, name: i.name?.trim() || defaultName(i), weight: String(i.weight) }))) as SchemeInput['items'],
      ...(v.periodKind === 'campaign' && dates ? { startDate: dates[0].format('YYYY-MM-DD'), endDate: dates[1].format('YYYY-MM-DD') } : {}),
    };
    save.mutate(body, {
      onError,
      onSuccess: (s) => {
        message.success(at('saved'));
        onClose(s.id);
      },
    });
  }

  return (
    <Modal open width={920} title={scheme ? at('edit') : at('new')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'as-save' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={at('form.name')} rules={[{ required: true, message: at('required') }]}>
          <Input maxLength={80} data-testid="as-f-name" />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="periodKind" label={at('form.periodKind')}>
            <Select options={periodKinds.map((k) => ({ value: k, label: at(`kind.${k}`) }))} onChange={onKind} />
          </Form.Item>
          <Form.Item name="period" label={at('form.period')} tooltip={at('form.periodHelp')} rules={[{ required: true, message: at('required') }]}>
            {periodKind === 'campaign' || !periodKind ? <Input data-testid="as-f-period" /> : <PeriodSelect kind={periodKind} id="as-f-period" />}
          </Form.Item>
          <Form.Item name="rankingGroup" label={at('form.group')}>
            <Select
              options={groups.map((g) => ({
                value: g.group,
                label: g.group === 'territorial' || g.group === 'functional' ? at(`group.${g.group}`) : g.group,
              }))}
            />
          </Form.Item>
          <Form.Item name="redFlagPolicy" label={at('form.redFlag')}>
            <Select options={(['all_tied', 'unique_only'] as const).map((p) => ({ value: p, label: at(`form.redFlag.${p}`) }))} />
          </Form.Item>
        </div>
        {periodKind === 'campaign' && (
          <Form.Item name="dates" label={`${at('form.start')} ~ ${at('form.end')}`} rules={[{ required: true, message: at('required') }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        )}
        <div className="gj-as-meta" style={{ marginBottom: 8 }}>
          {at('form.items')} · <b style={{ color: weightSum === 100 ? '#389e0d' : '#cf1322' }}>{at('form.weightSum', { sum: weightSum })}</b>
        </div>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const kind = items[f.name]?.kind;
                const needsIndicator = kind === 'indicator_completion' || kind === 'growth_rank';
                return (
                  <div key={f.key} className="gj-as-item" data-testid={`as-item-${f.name}`}>
                    <div className="gj-as-item-row">
                      {/* Kept, not shown: an existing item's key (published results refer to it). */}
                      <Form.Item name={[f.name, 'key']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} label={at('form.kind')}>
                        <Select popupMatchSelectWidth={false} options={itemKinds.map((k) => ({ value: k, label: at(`item.${k}` as AsKey) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'weight']} label={at('form.weight')} rules={[{ required: true, message: at('required') }]}>
                        <InputNumber min={0} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} label={at('form.itemName')} tooltip={at('form.itemNameHelp')}>
                        <Input maxLength={40} placeholder={defaultName(items[f.name])} data-testid={`as-item-${f.name}-name`} />
                      </Form.Item>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} style={{ marginTop: 30 }} disabled={fields.length === 1} />
                    </div>
                    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                      {needsIndicator && (
                        <Form.Item name={[f.name, 'indicatorCode']} label={at('form.indicator')} rules={[{ required: true, message: at('required') }]}>
                          <Select style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} options={indicators.map((i) => ({ value: i.code, label: `${i.name}（${i.measure}）` }))} />
                        </Form.Item>
                      )}
                      {kind === 'indicator_completion' && (
                        <>
                          <Form.Item name={[f.name, 'tier']} label={at('form.tier')} initialValue="floor">
                            <Select style={{ width: 120 }} options={(['floor', 'stretch'] as const).map((x) => ({ value: x, label: at(`form.tier.${x}`) }))} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'cap']} label={at('form.cap')} initialValue="1.2">
                            <Input style={{ width: 80 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'floor']} label={at('form.floor')} initialValue="0">
                            <Input style={{ width: 80 }} />
                          </Form.Item>
                        </>
                      )}
                      {kind === 'growth_rank' && (
                        <>
                          <Form.Item name={[f.name, 'step']} label={at('form.step')} initialValue="1">
                            <Input style={{ width: 80 }} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'minPoints']} label={at('form.minPoints')} initialValue="0">
                            <Input style={{ width: 80 }} />
                          </Form.Item>
                        </>
                      )}
                      {kind === 'loops_closed' && (
                        <Form.Item name={[f.name, 'loopKinds']} label={at('form.loopKinds')} initialValue={['problem', 'appeal']}>
                          <Select mode="multiple" style={{ width: 220 }} options={(['problem', 'appeal', 'hazard'] as const).map((x) => ({ value: x, label: at(`loop.${x}`) }))} />
                        </Form.Item>
                      )}
                      {(kind === 'tasks_on_time' || kind === 'milestones_on_time' || kind === 'loops_closed') && (
                        <Form.Item name={[f.name, 'whenNone']} label={at('form.whenNone')} initialValue="1">
                          <Input style={{ width: 80 }} />
                        </Form.Item>
                      )}
                    </div>
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankItem())} block disabled={fields.length >= 12}>
                {at('form.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
