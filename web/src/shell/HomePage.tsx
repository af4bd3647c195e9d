// 我的单位: the start page of users who see no module yet (e.g. a unit reporter):
// who they are, which unit and role, and what the server lets them do.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { ApartmentOutlined, CheckCircleFilled, KeyOutlined } from '@ant-design/icons';
import type { Action } from '../api/types';
import { useI18n } from '../i18n';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog';
import { useMe } from '../auth/session';

const abilityOrder: Action[] = [
  'unitData.write',
  'unitData.read',
  'unitData.approve',
  'config.write',
  'zoneData.read',
  'zone.read',
  'unit.manage',
  'user.manage',
  'zone.manage',
  'audit.read',
  'self.manage',
];

export default function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const [pwOpen, setPwOpen] = useState(false);
  const granted = abilityOrder.filter((a) => me.abilities[a]);

  return (
    <div className="gj-page">
      <div className="gj-page-head">
        <h2 className="gj-page-title">{t('module.home')}</h2>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            data-testid="home-unit-card"
            title={
              <span>
                <ApartmentOutlined className="gj-card-icon" />
                {me.user.unitName ?? t('home.noUnit')}
              </span>
            }
            extra={
              <Button icon={<KeyOutlined />} onClick={() => setPwOpen(true)}>
                {t('auth.changePassword')}
              </Button>
            }
          >
            <Typography.Paragraph className="gj-home-greeting">{t('home.greeting', { name: me.user.displayName })}</Typography.Paragraph>
            <Descriptions column={1} size="middle" bordered styles={{ label: { width: 120 } }}>
              <Descriptions.Item label={t('home.unit')}>{me.user.unitName ?? t('home.noUnit')}</Descriptions.Item>
              <Descriptions.Item label={t('home.role')}>
                <Tag color="red">{t(`role.${me.user.role}`)}</Tag>
                <Typography.Text type="secondary">{t(`roleHint.${me.user.role}`)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.zone')}>{me.zone.name}</Descriptions.Item>
              <Descriptions.Item label={t('home.username')}>{me.user.username}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.abilities')}>
            <ul className="gj-ability-list">
              {granted.map((a) => (
                <li key={a}>
                  <CheckCircleFilled className="gj-ability-icon" />
                  {t(`ability.${a}`)}
                </li>
              ))}
            </ul>
            <Typography.Paragraph type="secondary" className="gj-home-hint">
              {t('home.modulesHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </div>
  );
}
