// Charts rendered on the server: ECharts server-side rendering to SVG, then PNG
// with resvg using a CJK font, for the Word file (and the same SVG for the web).
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';

// resvg reads the font file again for every text it lays out: ≈ 11 ms a label with the
// 19 MB Noto CJK collection (CFF outlines), ≈ 2.5 ms with the 5 MB TrueType WenQuanYi Micro
// Hei (a 30-unit chart: 1.5 s against 0.33 s). So that one is used when installed
// (fonts-wqy-microhei), Noto otherwise; the SVG names both, so a browser shows either.
const FONT_CHOICES = [
  { family: 'WenQuanYi Micro Hei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'] },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'] },
];
const chosen = FONT_CHOICES.find((c) => c.files.every((f) => existsSync(f)));
const FONT_FILES = chosen?.files ?? [];
const FONT_FAMILY = chosen?.family ?? 'Noto Sans CJK SC';
const FONT = [FONT_FAMILY, ...FONT_CHOICES.map((c) => c.family).filter((f) => f !== FONT_FAMILY), 'sans-serif'].map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');

export interface BarChart {
  title: string;
  categories: string[];
  values: (number | null)[];
  /** A horizontal reference line, e.g. 序时进度 50.0. */
  line?: { value: number; label: string };
  unit?: string;
  /** Categories to colour as the leader (the red flag). */
  highlight?: string[];
  /** Bar labels printed with these decimals (scores: 2). */
  labelDecimals?: number;
}

export function barChartSvg(c: BarChart, width = 760, height = 380): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: { text: c.title, left: 'center', top: 8, textStyle: { fontSize: 18, fontWeight: 'bold', fontFamily: FONT, color: '#222' } },
    grid: { left: 56, right: c.line ? 104 : 24, top: 60, bottom: 72 },
    // Long names (新签约亿元以上项目计划总投资) wrap within their own slot instead of overlapping.
    xAxis: {
      type: 'category',
      data: c.categories,
      axisLabel: { fontSize: 12, interval: 0, color: '#333', width: Math.max(40, Math.floor((width - (c.line ? 160 : 80)) / Math.max(1, c.categories.length)) - 8), overflow: 'break', lineHeight: 15 },
    },
    yAxis: { type: 'value', name: c.unit ?? '', nameTextStyle: { fontSize: 12 }, axisLabel: { fontSize: 12 }, splitLine: { lineStyle: { color: '#e5e5e5' } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 42,
        data: c.values.map((v, i) => ({
          value: v,
          itemStyle: { color: c.highlight?.includes(c.categories[i]!) ? '#c0392b' : '#3b6ea8' },
        })),
        label: { show: true, position: 'top', fontSize: 12, color: '#333', formatter: (p: { value: unknown }) => (c.labelDecimals === undefined || typeof p.value !== 'number' ? String(p.value ?? '') : p.value.toFixed(c.labelDecimals)) },
        markLine: c.line
          ? {
              symbol: 'none',
              lineStyle: { color: '#d48806', type: 'dashed', width: 2 },
              label: { formatter: c.line.label, position: 'end', fontSize: 12, color: '#d48806' },
              data: [{ yAxis: c.line.value }],
            }
          : undefined,
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** SVG → PNG at `scale` (2 keeps the chart sharp when Word scales it down). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: FONT_FILES.length === 0, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return Buffer.from(r.render().asPng());
}
