import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n, type Lang } from '../i18n';
import { langs } from '../i18n/dict';
import { useErrorMessage } from '../api/useErrorMessage';
import { useSession } from './session';
import { MenuButton } from '../shell/MenuButton';

const names: Record<Lang, string> = { zh: '中文', en: 'English' };

/** 中文 / English. Signed in, the choice is saved on the account; otherwise in a cookie. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, t } = useI18n();
  const { changeLang } = useSession();
  const showError = useErrorMessage();
  return (
    <MenuButton
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: langs.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{names[l]}</span> })),
        onClick: ({ key }) => void changeLang(key as Lang).catch(showError),
      }}
    >
      <Button type="text" className={className} icon={<GlobalOutlined />} aria-label={t('lang.label')} data-testid="lang-switch">
        {names[lang]}
      </Button>
    </MenuButton>
  );
}
