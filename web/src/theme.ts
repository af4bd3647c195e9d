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
