// 项目设置: the zone's USD rates by year, its stage rules (当年签约当年开工, "765"-style
// month limits), its outline (GeoJSON, drawn without online tiles) and its
// milestone templates. Everyone reading the zone sees them; supervisors change them.
import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { STAGES, projectsApi, type OutlineFile, type Settings, type Stage, type StageRule } from './api';
import { usePT } from './i18n';
import { useBattleMap, usePMutation, useSettings } from './queries';
import { TemplatesCard } from './TemplatesCard';
import { ServiceItemsCard } from './People';
import { ZoneMap } from './ZoneMap';
import { useZoneYear } from '../shell/zone';
import { useMessage } from '../shell/feedback';

export default function SettingsPage() {
  const pt = usePT();
  const me = useMe();
  const s = useSettings();
  const canEdit = !!me.abilities['config.write'];
  if (!s.data) return <Spin />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-settings">
      {!canEdit && <Alert type="info" showIcon title={pt('set.readonly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <RatesCard settings={s.data} canEdit={canEdit} />
        </Col>
        <Col xs={24} xl={14}>
          <RulesCard settings={s.data} canEdit={canEdit} />
        </Col>
      </Row>
      <ServiceItemsCard settings={s.data} canEdit={canEdit} />
      <OutlineCard settings={s.data} canEdit={canEdit} />
      <TemplatesCard settings={s.data} canEdit={canEdit} />
    </Space>
  );
}

/** Saves a part of the settings on the version they were read at. */
function useSave(settings: Settings) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const save = usePMutation(projectsApi.saveSettings);
  return {
    pending: save.isPending,
    run: async (body: Omit<Parameters<typeof projectsApi.saveSettings>[0], 'version'>) => {
      try {
        await save.mutateAsync({ ...body, version: settings.version });
        message.success(pt('set.saved'));
      } catch (err) {
        onError(err);
      }
    },
  };
}

function RatesCard({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const pt = usePT();
  const zoneYear = useZoneYear();
  const save = useSave(settings);
  const [form] = Form.useForm<{ rates: { year: number; rate: string }[] }>();
  useEffect(() => {
    form.setFieldsValue({ rates: Object.entries(settings.usdRates).map(([year, rate]) => ({ year: Number(year), rate })) });
  }, [form, settings.usdRates]);
  return (
    <Card size="small" title={pt('set.rates')} style={{ height: '100%' }}>
      <p className="gj-pj-muted">{pt('set.rates.help')}</p>
      <Form form={form} disabled={!canEdit} onFinish={(v) => save.run({ usdRates: Object.fromEntries((v.rates ?? []).map((r) => [String(r.year), r.rate.trim()])) })}>
        <Form.List name="rates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'year']} label={pt('set.year')} rules={[{ required: true, message: pt('form.required') }]}>
                    <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} data-testid="rate-year" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'rate']}
                    label={pt('set.rate')}
                    rules={[{ required: true, pattern: /^\s*\d{1,3}(\.\d{1,6})?\s*$/, message: pt('form.required') }]}
                  >
                    <Input style={{ width: 120 }} data-testid="rate-value" />
                  </Form.Item>
                  {canEdit && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                </Space>
              ))}
              {canEdit && (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ year: zoneYear ?? new Date().getFullYear(), rate: '' })}>
                    {pt('set.addYear')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.pending} data-testid="save-rates">
                    {pt('set.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

type RuleRow = { kind: StageRule['kind']; stages?: Stage[]; from?: Stage; to?: Stage; months?: number };

function RulesCard({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const pt = usePT();
  const save = useSave(settings);
  const [form] = Form.useForm<{ rules: RuleRow[] }>();
  useEffect(() => {
    form.setFieldsValue({ rules: settings.stageRules as RuleRow[] });
  }, [form, settings.stageRules]);
  const stageOptions = STAGES.map((s) => ({ value: s, label: pt(`stage.${s}`) }));
  const toRule = (r: RuleRow): StageRule =>
    r.kind === 'same_year' ? { kind: 'same_year', stages: r.stages ?? [] } : { kind: 'months', from: r.from!, to: r.to!, months: r.months! };
  return (
    <Card size="small" title={pt('set.rules')} style={{ height: '100%' }}>
      <p className="gj-pj-muted">{pt('set.rules.help')}</p>
      <Form form={form} disabled={!canEdit} onFinish={(v) => save.run({ stageRules: (v.rules ?? []).map(toRule) })}>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="stage-rule">
                  <Form.Item name={[f.name, 'kind']}>
                    <Select style={{ width: 110 }} options={(['same_year', 'months'] as const).map((k) => ({ value: k, label: pt(`set.rule.${k}`) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['rules', f.name, 'kind']) === 'same_year' ? (
                        <Form.Item name={[f.name, 'stages']} rules={[{ required: true, type: 'array', min: 2, message: pt('form.required') }]}>
                          <Select mode="multiple" style={{ minWidth: 260 }} placeholder={pt('set.rule.stages')} options={stageOptions} />
                        </Form.Item>
                      ) : (
                        <Space align="baseline">
                          <Form.Item name={[f.name, 'from']} label={pt('set.rule.from')} rules={[{ required: true, message: pt('form.required') }]}>
                            <Select style={{ width: 90 }} options={stageOptions} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'to']} label={pt('set.rule.to')} rules={[{ required: true, message: pt('form.required') }]}>
                            <Select style={{ width: 90 }} options={stageOptions} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'months']} label={pt('set.rule.monthsN')} rules={[{ required: true, message: pt('form.required') }]}>
                            <InputNumber min={1} max={120} precision={0} style={{ width: 80 }} />
                          </Form.Item>
                        </Space>
                      )
                    }
                  </Form.Item>
                  {canEdit && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                </Space>
              ))}
              {canEdit && (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'months', from: 'signed', to: 'started', months: 6 })}>
                    {pt('set.addRule')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.pending} data-testid="save-rules">
                    {pt('set.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function OutlineCard({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const map = useBattleMap({});
  const upload = usePMutation(projectsApi.saveOutline);
  async function send(file: File) {
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch {
      message.error(pt('set.outline.bad'));
      return;
    }
    try {
      // Any JSON object goes: the server checks the GeoJSON and names what is wrong.
      const r = await upload.mutateAsync(geojson as OutlineFile);
      message.success(pt('set.outline.saved', { n: r.features }));
    } catch (err) {
      onError(err);
    }
  }
  return (
    <Card
      size="small"
      title={pt('set.outline')}
      extra={
        canEdit && (
          <Upload accept=".geojson,.json,application/geo+json,application/json" showUploadList={false} beforeUpload={(f) => (void send(f), false)}>
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="outline-upload">
              {pt('set.outline.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <p className="gj-pj-muted">{pt('set.outline.help')}</p>
      {settings.outlineDemo && canEdit && <Alert type="warning" showIcon title={pt('set.outline.demo')} style={{ marginBottom: 8 }} />}
      <ZoneMap outline={settings.outline} outlineDemo={false} projects={map.data?.projects ?? []} height={380} />
    </Card>
  );
}
