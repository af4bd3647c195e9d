import type { ThemeConfig } from 'antd';

/** Government-office red on a quiet grey page; Noto/PingFang/YaHei for Chinese. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b8322a',
    colorLink: '#b8322a',
    colorInfo: '#1f5fa8',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f3f4f6',
  },
  components: {
    Layout: { headerBg: '#a3241c', headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', triggerBg: '#f7f7f8', triggerColor: '#595959' },
    Menu: { itemSelectedBg: '#fbeceb', itemSelectedColor: '#a3241c', itemHeight: 44, iconSize: 16 },
    Table: { headerBg: '#f7f4f2', headerColor: '#3a3a3a', rowHoverBg: '#fdf6f5' },
    Tabs: { titleFontSize: 15 },
  },
};

/**
 * On a phone (shell/usePhone): every control at least 44 px high, a finger's width,
 * and 16 px text in fields, below which iOS zooms the page on focus. Merged over
 * `theme` by main.tsx; the component tokens are the ones antd sizes apart from
 * controlHeight (pagination items, segmented options, radio buttons).
 */
export const phoneTheme: ThemeConfig = {
  token: {
    controlHeight: 44,
    controlHeightSM: 44,
    controlHeightLG: 48,
    fontSize: 15,
  },
  components: {
    Input: { inputFontSize: 16, inputFontSizeSM: 16, inputFontSizeLG: 16 },
    InputNumber: { inputFontSize: 16, inputFontSizeSM: 16, inputFontSizeLG: 16 },
    Select: { optionHeight: 44, optionLineHeight: '32px', fontSize: 16 },
    DatePicker: { inputFontSize: 16, inputFontSizeSM: 16, inputFontSizeLG: 16 },
    Pagination: { itemSize: 44, itemSizeSM: 44 },
    // Options 44 px high inside the 2 px track.
    Segmented: { trackPadding: 2, controlHeight: 48 },
    Tabs: { horizontalItemPadding: '12px 0' },
  },
};

function merged(): ThemeConfig {
  const components: NonNullable<ThemeConfig['components']> = { ...theme.components };
  for (const [k, v] of Object.entries(phoneTheme.components ?? {}) as [keyof typeof components, object][]) {
    components[k] = { ...(components[k] as object), ...v } as never;
  }
  return { ...theme, token: { ...theme.token, ...phoneTheme.token }, components };
}
const onPhone = merged();

/** The theme for this screen: `theme`, and `phoneTheme` over it on a phone (one object each). */
export const themeFor = (phone: boolean): ThemeConfig => (phone ? onPhone : theme);
