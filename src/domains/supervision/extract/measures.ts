/**
 * Measure words (量词 and units of measure). A number is a quantity only when one of these
 * follows it (optionally after 余/多 and a magnitude 万/亿/千/百): "2家", "130万平方米", "6.7亿元".
 * `notBefore` lists characters that turn the measure word into part of another word
 * ("一项目" is 项目, not 1 项; "5家人"…).
 */
export interface Measure {
  word: string;
  notBefore?: string[];
  /** longer words that keep the measure word although they start with a `notBefore` entry ("4条线路", not "条线") */
  exceptBefore?: string[];
}

export const MEASURES: Measure[] = [
  // money
  { word: '美元' }, { word: '欧元' }, { word: '港元' }, { word: '元', notBefore: ['素', '旦', '器', '件', '首', '年', '前驱', '区'] },
  // area, length, volume, weight, energy
  { word: '平方公里' }, { word: '平方米' }, { word: '平米' }, { word: '㎡' }, { word: '立方米' }, { word: '公顷' }, { word: '亩' },
  { word: '公里' }, { word: '千米' }, { word: '米', notBefore: ['粮'] }, { word: '蒸吨' }, { word: '吨' }, { word: '毫克' }, { word: '微克' },
  { word: '千瓦时' }, { word: '千瓦' }, { word: '安时' }, { word: '兆瓦' }, { word: '千升' },
  // (round 40: "10吉瓦时", "181.3公斤", "10万千伏安")
  { word: '吉瓦时' }, { word: '吉瓦' }, { word: '公斤' }, { word: '千克' }, { word: '千伏安' },
  // percentages
  { word: '个百分点' }, { word: '%' }, { word: '‰' }, { word: '倍', notBefore: ['增'] },
  // time
  { word: '个工作日' }, { word: '工作日' }, { word: '个季度' }, { word: '个月' }, { word: '小时' },
  { word: '天', notBefore: ['然', '津', '空', '气', '下', '地'] },
  { word: '日', notBefore: ['常', '益', '前', '报', '本', '子'] },
  // counts
  { word: '家次' }, { word: '人次' }, { word: '台套' }, { word: '场次' }, { word: '批次' }, { word: '天次' },
  // (round 43: "总床位数348床", "300堂健康知识巡讲")
  { word: '床', notBefore: ['位', '铺', '单', '上', '边', '头'] }, { word: '堂', notBefore: ['课'] },
  { word: '家', notBefore: ['庭', '长', '属', '乡', '园', '族', '人'], exceptBefore: ['长者'] },
  // "两个加快" is a slogan, "51个加快建设项目" counts projects at a stage
  { word: '个', notBefore: ['人', '体', '性', '别', '案', '方面', '层面', '特点', '意识', '确立', '维护', '自信', '务必', '加快'], exceptBefore: ['加快建设', '加快前期', '加快推进项目'] },
  { word: '项', notBefore: ['目'] },
  { word: '件', notBefore: ['事'] },
  { word: '处', notBefore: ['理', '置', '室', '长', '于', '境', '分', '罚'] },
  { word: '条', notBefore: ['件', '例', '款', '理', '幅', '线'], exceptBefore: ['线路'] },
  { word: '片', notBefore: ['区'] },
  { word: '户', notBefore: ['籍', '口', '外', '型'] },
  { word: '人', notBefore: ['员', '才', '民', '口', '士', '大', '物', '们', '均', '心', '生', '事', '力', '头'] },
  { word: '名', notBefore: ['单', '称', '义', '片', '誉', '牌', '额', '次', '列'] },
  { word: '位', notBefore: ['置', '于', '次', '列', '数'] },
  { word: '座', notBefore: ['谈', '位'] },
  { word: '所', notBefore: ['有', '以', '在', '属', '得', '谓', '镇'] },
  { word: '栋' }, { word: '幢' },
  { word: '套', notBefore: ['餐', '班子'] },
  { word: '台', notBefore: ['账', '阶', '湾', '州', '风'] },
  { word: '辆' }, { word: '架' }, { word: '艘' },
  // trains: "开行中欧班列530列"
  { word: '列', notBefore: ['入', '为', '出', '席', '举', '队', '车', '表', '明', '支', '岛', '宁', '强', '装'] },
  { word: '部', notBefore: ['门', '署', '分', '队', '长', '委', '位', '件', '署', '落', '级', '属', '室'] },
  { word: '批', notBefore: ['准', '复', '示', '评', '次'] },
  // (三次产业 are the three sectors of the economy, round 40)
  { word: '次', notBefore: ['要', '序', '日', '生', '结构', '产业', '党代会', '全会', '人代会', '代表大会', '全委会'] },
  { word: '场', notBefore: ['景', '所', '馆', '地', '面', '合', '长', '站'] },
  { word: '大类' },
  { word: '类', notBefore: ['别', '型', '似'] },
  { word: '宗' }, { word: '块' }, { word: '例', notBefore: ['如', '外', '会'] }, { word: '对', notBefore: ['接', '于', '标', '照', '比', '口', '外', '话', '策', '象', '应', '此', '全', '重', '企', '项', '群', '农', '标'] },
  { word: '间', notBefore: ['隔', '接'] },
  { word: '张' }, { word: '份', notBefore: ['额'] },
  { word: '种', notBefore: ['类', '子', '植', '养'] },
  { word: '款' }, { word: '株' }, { word: '棵' },
  // livestock: "年出栏60万头"
  { word: '头', notBefore: ['号', '脑', '部', '条', '版', '衔', '雁', '等', '盔', '羊', '牛'] },
  { word: '轮' }, { word: '支', notBefore: ['持', '付', '出', '撑', '部', '队伍'] },
  // projects, animals: "31只重大项目" (round 7); 只有/只要… are "only"
  { word: '只', notBefore: ['有', '要', '是', '能', '在', '会', '需', '好', '用'] },
  // piles, poles: "完成桩基40根" (round 6)
  { word: '根', notBefore: ['据', '本', '源', '基', '治', '除', '系', '深', '植'] },
  // books, lamps, gems, rounds of checks (round 29): "图书流转60万册", "路灯9000盏", "4亿克拉", "督查12轮次"
  { word: '册', notBefore: ['子'] }, { word: '盏' }, { word: '克拉' }, { word: '轮次' },
  // votes (round 31): "满意95票"; not "一票否决"
  { word: '票', notBefore: ['否决', '据', '价', '务', '证', '面', '房', '选', '决'] },
];

/** Measure words only after a magnitude: 6.42亿度 (kWh), not 一度 (once); "550亿度电" is 亿度 of 电 (round 14). */
// (round 31: 万方, cubic metres: "土石方811万方")
// (round 40: "6.4亿瓦时", "纺纱30万锭", "粮食15亿斤")
export const AFTER_MAGNITUDE: Measure[] = [{ word: '度' }, { word: '瓦时' }, { word: '锭' }, { word: '斤' }, { word: '方', notBefore: ['面', '案', '式', '法', '向', '位', '针', '可', '便', '能', '米'] }];

/** Magnitude prefixes that join the unit: 万平方米, 亿元, 亿美元, 千万元. */
export const MAGNITUDES = ['万亿', '千万', '百万', '十万', '万', '亿', '千', '百'];

const SORTED = [...MEASURES].sort((a, b) => b.word.length - a.word.length);
const WITH_MAGNITUDE = [...SORTED, ...AFTER_MAGNITUDE];

/** The measure word starting at `pos`, if any and if it is not part of a longer word. */
export function measureAt(text: string, pos: number, afterMagnitude = false): string | null {
  for (const m of afterMagnitude ? WITH_MAGNITUDE : SORTED) {
    if (!text.startsWith(m.word, pos)) continue;
    const after = pos + m.word.length;
    if (m.notBefore?.some((w) => text.startsWith(w, after)) && !m.exceptBefore?.some((w) => text.startsWith(w, after))) return null;
    return m.word;
  }
  return null;
}
