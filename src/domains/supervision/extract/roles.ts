/**
 * Who does a task: 牵头单位, 配合单位 and 责任领导 as the text states them.
 *
 * | text                                              | result                         | rule               |
 * |---------------------------------------------------|--------------------------------|--------------------|
 * | 牵头单位：经发局；配合单位：财政局、招商局          | lead 经发局, supporting both    | role:label         |
 * | 责任领导：张克 / 分管领导：张克                     | leader 张克                    | role:leader-label  |
 * | 由经发局牵头 / 经发局负责 / 经发局牵头，财政局配合 | lead 经发局, supporting 财政局  | role:lead-verb     |
 * | 财政局、招商局配合 / 协助                           | supporting                     | role:support-verb  |
 * | a known leader's name in the item                  | leader                         | role:leader-named  |
 * | the paragraph's speaker ("大村镇党委书记张金宝表示") | leader 张金宝 (a pledge)        | role:speaker       |
 * Otherwise the lead is the first unit the item is given (heading, speaker, named) and the others
 * support it (role:first-unit). Pure; unit names go through the same UnitMatcher as the rest.
 */
import type { UnitMatcher } from './units';

export interface Roles {
  lead: string | null;
  supporting: string[];
  leader: string | null;
  rules: string[];
}

const LEAD_LABEL = /(?:牵头单位|责任单位|主办单位|牵头部门|责任部门)[:：]\s*([^；;）)\n]+)/;
const SUPPORT_LABEL = /(?:配合单位|协办单位|配合部门|参与单位)[:：]\s*([^；;）)\n]+)/;
const LEADER_LABEL = /(?:责任领导|分管领导|牵头领导|包挂领导|责任人)[:：]\s*([\u4e00-\u9fa5]{2,4}?)(?=[，,；;、）)\s。]|同志|$)/;
const LEAD_VERB = /^(?:牵头|负责|主抓|抓总)/;
const SUPPORT_VERB = /^(?:配合|协助|协同|参与)/;
/** Joiners allowed between units of one list: 财政局、招商局和征迁办配合. */
const LIST_JOIN = /^[、，,和及与\s]*$/;

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Units named in a list that runs up to a verb: the mention right before it and those joined to it. */
function listBefore(mentions: { name: string; start: number; end: number }[], text: string, verbAt: number): string[] {
  const out: string[] = [];
  let edge = verbAt;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.end > edge) continue;
    // "由经发局牵头": 由 may stand before the list; anything else between ends it
    if (!LIST_JOIN.test(text.slice(m.end, edge))) break;
    out.unshift(m.name);
    edge = m.start;
  }
  return out;
}

export function assignRoles(
  text: string,
  given: readonly string[],
  matcher: UnitMatcher,
  leaders: readonly string[] = [],
  speakerPerson: string | null = null,
): Roles {
  const rules: string[] = [];
  let lead: string | null = null;
  let supporting: string[] = [];
  let leader: string | null = null;

  const labelled = LEAD_LABEL.exec(text);
  if (labelled) {
    const names = matcher.mentions(labelled[1]!).map((m) => m.name);
    if (names[0]) {
      lead = names[0];
      supporting.push(...names.slice(1));
      rules.push('role:label');
    }
  }
  const supportLabel = SUPPORT_LABEL.exec(text);
  if (supportLabel) {
    const names = matcher.mentions(supportLabel[1]!).map((m) => m.name);
    if (names.length) {
      supporting.push(...names);
      rules.push('role:label');
    }
  }

  const mentions = matcher.mentions(text);
  for (const m of mentions) {
    const after = text.slice(m.end);
    if (!lead && LEAD_VERB.test(after)) {
      const list = listBefore(mentions, text, m.end);
      lead = list[0] ?? m.name;
      supporting.push(...list.slice(1));
      rules.push('role:lead-verb');
    } else if (SUPPORT_VERB.test(after)) {
      supporting.push(...listBefore(mentions, text, m.end));
      rules.push('role:support-verb');
    }
  }

  if (!lead && given.length > 0) {
    const rest = given.filter((u) => !supporting.includes(u));
    if (rest[0]) {
      lead = rest[0];
      supporting.push(...rest.slice(1));
      rules.push('role:first-unit');
    }
  }
  supporting = uniq(supporting.filter((u) => u !== lead));

  const leaderLabel = LEADER_LABEL.exec(text);
  if (leaderLabel) {
    leader = leaderLabel[1]!;
    rules.push('role:leader-label');
  } else {
    const named = leaders.filter((l) => l.length >= 2 && text.includes(l));
    // the longest name wins where one contains another (张克 in 张克强)
    named.sort((a, b) => b.length - a.length || text.indexOf(a) - text.indexOf(b));
    if (named[0]) {
      leader = named[0];
      rules.push('role:leader-named');
    } else if (speakerPerson) {
      leader = speakerPerson;
      rules.push('role:speaker');
    }
  }
  return { lead, supporting, leader, rules: uniq(rules) };
}
