/** Public types of the rule-based extractor. */

export interface Quantity {
  value: number;
  unit: string;
  label: string;
  atLeast: boolean;
  /** range end, e.g. 3-5家 → value 3, upTo 5 */
  upTo?: number;
  /** stated under 力争/争取 (stretch target) */
  aspirational?: boolean;
}

export interface ExtractedProject {
  name: string;
  investment: { value: number; unit: string };
}

export interface ExtractedItem {
  kind: 'task' | 'result';
  /** the item text (a clause or sentence) */
  text: string;
  /** character offsets of `text` in the source: text === source.slice(start, end) */
  start: number;
  end: number;
  /** responsible units: section heading / paragraph speaker, plus opts.units named in the text */
  units: string[];
  /** 'YYYY-MM-DD' */
  deadline: string | null;
  /** the words the deadline came from, e.g. '8月底前' */
  deadlinePhrase?: string;
  quantities: Quantity[];
  project: ExtractedProject | null;
  /** kind 'result': the indicator, e.g. '一般公共预算收入' (value in quantities[0]) */
  indicator?: string;
  /** kind 'result': year-on-year change in percent (negative for 下降) */
  yoy?: number;
  /** kind 'result': reporting period, e.g. 'H1', '1-6月', 'Q1' */
  period?: string;
  /** kind 'task': 牵头单位 as the text states it, else the first of `units` */
  lead?: string | null;
  /** kind 'task': 配合单位 */
  supporting?: string[];
  /** kind 'task': 责任领导 named in the text (label, a known leader, or the pledging speaker) */
  leader?: string | null;
  /** which rules fired, e.g. 'deadline:month-end', 'quantity:at-least' */
  rules: string[];
}

export interface ExtractOptions {
  /** the document's year; read from the text when absent */
  year?: number;
  /** the document's date (meeting or publication day, 'YYYY-MM-DD'); read from the text when absent */
  date?: string;
  /** known unit names (镇/街道/部门…) to look for */
  units?: string[];
  /** known leaders' names (责任领导) to look for */
  leaders?: string[];
}

export interface ExtractResult {
  year: number | null;
  items: ExtractedItem[];
}

/** A half-open character span in the source. */
export interface Span {
  start: number;
  end: number;
}
