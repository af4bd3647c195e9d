// The one month / quarter / half-year / year picker: it offers the periods that hold
// the zone's data plus its current one (GET /api/zone `periods`), never a bare
// calendar, so nobody picks a month with nothing in it by accident.
import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { currentPeriod, type PickerKind } from '../../../src/domains/system/periodChoices';
import { useI18n } from '../i18n';
import type { Lang } from '../i18n/dict';
import { useZone } from './zone';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS: Record<Lang, string[]> = { zh: ['一季度', '二季度', '三季度', '四季度'], en: ['Q1', 'Q2', 'Q3', 'Q4'] };
const HALVES: Record<Lang, string[]> = { zh: ['上半年', '下半年'], en: ['H1', 'H2'] };

/** '2022-08' → 2022年8月, '2022-Q3' → 2022年三季度, '2022-H1' → 2022年上半年, '2022' → 2022年. */
export function usePeriodName(): (code: string) => string {
  const { t, lang } = useI18n();
  return (code) => {
    const year = code.slice(0, 4);
    const rest = code.slice(5);
    if (/^\d{2}$/.test(rest)) return t('period.month', { year, month: lang === 'zh' ? Number(rest) : (MONTHS[Number(rest) - 1] ?? rest) });
    if (rest.startsWith('Q')) return t('period.quarter', { year, quarter: QUARTERS[lang][Number(rest.slice(1)) - 1] ?? rest });
    if (rest.startsWith('H')) return t('period.half', { year, half: HALVES[lang][Number(rest.slice(1)) - 1] ?? rest });
    return rest ? code : t('period.year', { year });
  };
}

/** The zone's choices for a kind; `value` is kept on show even when it holds no data (an address typed by hand). */
export function usePeriodOptions(kind: PickerKind, value?: string | null): { value: string; label: string }[] {
  const { t } = useI18n();
  const name = usePeriodName();
  const zone = useZone().data;
  if (!zone) return value ? [{ value, label: name(value) }] : [];
  const current = currentPeriod(kind, zone.today);
  const codes = new Set(zone.periods[kind]);
  if (value) codes.add(value);
  return [...codes]
    .sort()
    .reverse()
    .map((c) => ({ value: c, label: c === current ? `${name(c)}${t('period.current')}` : name(c) }));
}

/** The zone's current period of a kind (the default of a picker), once the zone is known. */
export function useCurrentPeriod(kind: PickerKind): string | undefined {
  const zone = useZone().data;
  return zone ? currentPeriod(kind, zone.today) : undefined;
}

interface Props {
  kind: PickerKind;
  value?: string | null;
  onChange?(code: string): void;
  id?: string;
  'aria-label'?: string;
  style?: CSSProperties;
}

export function PeriodSelect({ kind, value, onChange, id, style, ...rest }: Props) {
  const options = usePeriodOptions(kind, value);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v: string) => onChange?.(v)}
      options={options}
      style={{ minWidth: kind === 'month' ? 150 : 170, ...style }}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
