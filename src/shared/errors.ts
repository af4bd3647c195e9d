// One error catalogue: a stable code, its HTTP status and its message in both
// languages. Clients get {code, message}; nothing else about a failure leaks out.
export type Lang = 'zh' | 'en';

interface Entry {
  status: number;
  zh: string;
  en: string;
}

// Messages may name parameters as {name}.
const catalogue = {
  'validation.failed': { status: 400, zh: '输入有误：{fields}', en: 'Invalid input: {fields}' },
  // A schema may name one of these codes as its message: the client then gets it as is.
  'period.month': { status: 400, zh: '月份应写作“年-月”，如 2022-07', en: 'A month is written YYYY-MM, e.g. 2022-07' },
  'auth.required': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    status: 429,
    zh: '登录失败次数过多，请在{minutes}分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  'auth.slow_down': {
    status: 429,
    zh: '该账号近期登录失败较多，请在{seconds}秒后再试',
    en: 'Many failed sign-ins for this account; try again in {seconds} seconds',
  },
  'auth.zone_required': {
    status: 400,
    zh: '该账号属于多个开发区，请选择开发区',
    en: 'This account belongs to several zones; choose one',
  },
  'auth.no_membership': { status: 403, zh: '该账号不属于此开发区', en: 'This account does not belong to that zone' },
  'auth.csrf': { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  'auth.disabled': { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  'auth.weak_password': {
    status: 400,
    zh: '密码至少10位，须包含字母和数字，不能是常见密码或含用户名',
    en: 'A password needs at least 10 characters with letters and digits, and may not be a common password or contain the username',
  },
  'auth.wrong_password': { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  'policy.forbidden': { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  'user.shared_account': {
    status: 403,
    zh: '该账号还属于其他开发区，只能修改其在本开发区的角色和单位；密码、姓名、停用须由管理其所属全部开发区的管理员办理',
    en: 'This account also belongs to other zones: only its role and unit here may change; its password, name or status need an administrator of all its zones',
  },
  'not_found': { status: 404, zh: '未找到{entity}', en: '{entity} not found' },
  'conflict.duplicate': { status: 409, zh: '{entity}已存在：{value}', en: '{entity} already exists: {value}' },
  'conflict.in_use': { status: 409, zh: '{entity}仍在使用中，不能删除', en: '{entity} is still in use and cannot be deleted' },
  'conflict.stale': {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Someone else changed this; reload and try again',
  },
  'zone.not_found': { status: 404, zh: '开发区不存在：{zone}', en: 'No such zone: {zone}' },
  'zone.exists': { status: 409, zh: '开发区已存在：{zone}', en: 'Zone already exists: {zone}' },
  'zone.pinned_future': { status: 400, zh: '业务日期不能晚于今天（{today}）：{date}', en: 'The business date cannot be after today ({today}): {date}' },
  'zone.pinned_before_data': {
    status: 400,
    zh: '业务日期不能早于本区最早的数据（{first}）：{date}',
    en: "The business date cannot be before the zone's first data ({first}): {date}",
  },
  'db.migrations_out_of_sync': {
    status: 500,
    zh: '数据库迁移记录与代码不一致：{migration}',
    en: 'Database migration history does not match the code: {migration}',
  },
  'backup.invalid': { status: 400, zh: '备份文件无效：{reason}', en: 'Invalid backup file: {reason}' },
  'backup.not_empty': {
    status: 409,
    zh: '目标数据库中已有开发区{zone}的数据',
    en: 'The target database already holds zone {zone}',
  },
  'file.type': { status: 415, zh: '不支持的文件类型：{name}（允许：{allowed}）', en: 'Unsupported file type: {name} (allowed: {allowed})' },
  'file.content': { status: 415, zh: '文件内容与扩展名不符：{name}', en: 'The file content does not match its extension: {name}' },
  'file.size': { status: 413, zh: '文件过大：{name}（不超过{mb}MB）', en: 'File too large: {name} (at most {mb} MB)' },
  'job.not_found': { status: 404, zh: '任务进度记录不存在', en: 'No such background job' },
  'job.interrupted': {
    status: 500,
    zh: '处理进程中断，任务没有完成，请重新提交',
    en: 'The process handling it stopped before the job finished; submit it again',
  },
  'import.too_large': {
    status: 413,
    zh: '表格过大：{what}超过上限{limit}，请分批导入',
    en: 'The spreadsheet is too large: {what} over the limit of {limit}; import it in parts',
  },
  'db.locked': {
    status: 409,
    zh: '数据目录 {dir} 正由另一个进程（pid {pid}）使用。请先停止该服务器，或在服务器运行时通过网页或 API 操作',
    en: 'The data folder {dir} is in use by another process (pid {pid}). Stop that server first, or use the web app or API while it runs',
  },
  'import.failed': {
    status: 400,
    zh: '导入失败：共{count}处错误，未导入任何数据',
    en: 'Import failed: {count} errors; nothing was imported',
  },
  'import.empty': { status: 400, zh: '表格中没有数据行', en: 'The sheet has no data rows' },
  'import.unreadable': { status: 400, zh: '无法读取该Excel文件，请使用下载的模板（.xlsx）', en: 'Cannot read this Excel file; use the downloaded template (.xlsx)' },
  // --- targets: indicators, targets, reporting, feeds, campaigns
  'targets.indicator_unknown': { status: 400, zh: '没有这个指标：{code}', en: 'No such indicator: {code}' },
  'targets.system_filled': {
    status: 409,
    zh: '“{name}”由系统自动统计（企业库、招商等），不能手工填报',
    en: '"{name}" is counted by the system (enterprise register, investment attraction); it cannot be entered by hand',
  },
  'targets.derived': {
    status: 400,
    zh: '“{name}”由其他指标计算得出，不能填报',
    en: '"{name}" is derived from other indicators and cannot be reported',
  },
  'targets.zone_level': {
    status: 403,
    zh: '“{name}”只报全区数，由{unit}填报',
    en: '"{name}" is reported for the whole zone, by {unit}',
  },
  'targets.period_locked': {
    status: 409,
    zh: '{period}已锁定发布，如需更正请联系督查办填写更正原因',
    en: '{period} is locked and published; ask the supervisor to correct it with a reason',
  },
  'targets.correction_reason': {
    status: 400,
    zh: '{period}已锁定，修改数据须填写更正原因',
    en: '{period} is locked: a change needs a reason',
  },
  'targets.state': {
    status: 409,
    zh: '“{name}”当前状态为{state}，不能{action}',
    en: '"{name}" is {state}; cannot {action}',
  },
  'targets.return_reason': { status: 400, zh: '退回须填写原因', en: 'A return needs a reason' },
  'targets.period_future': { status: 400, zh: '{period}尚未结束，不能填报', en: '{period} has not ended yet' },
  'targets.stretch_below_floor': {
    status: 400,
    zh: '力争目标（{stretch}）不能低于确保目标（{floor}）',
    en: 'The stretch target ({stretch}) cannot be below the floor ({floor})',
  },
  'targets.plan': {
    status: 400,
    zh: '月度计划须为12个月的累计数，逐月不减',
    en: 'A monthly plan has 12 cumulative values that never decrease',
  },
  'targets.token_invalid': { status: 401, zh: '接口令牌无效或已停用', en: 'The API token is invalid or revoked' },
  'targets.token_unit': { status: 403, zh: '该接口令牌无权报送{unit}的数据', en: 'This API token may not send figures for {unit}' },
  'targets.check_number': { status: 400, zh: '“{name}”：{reason}', en: '"{name}": {reason}' },
  'targets.dekad_future': { status: 400, zh: '{dekad}尚未结束（{end}），不能填报', en: '{dekad} has not ended yet ({end})' },
  'targets.dekad_drop': { status: 400, zh: '“{name}”：{reason}', en: '"{name}": {reason}' },
  'targets.not_dekad': { status: 400, zh: '“{name}”不按旬填报', en: '"{name}" is not reported by dekad' },
  'targets.check_note': { status: 400, zh: '不能报送“{name}”：{reason}', en: 'Cannot submit "{name}": {reason}' },
  'targets.nothing': { status: 400, zh: '没有可{action}的数据', en: 'Nothing to {action}' },
  'targets.lock_missing_units': {
    status: 409,
    zh: '{period}尚有{count}个单位的数据未审核：{units}。仍要锁定须确认并填写原因',
    en: '{period}: {count} units have figures not yet approved: {units}. Locking anyway needs a confirmation and a reason',
  },
  'targets.feed_unknown': { status: 400, zh: '没有这个统计来源：{feed}', en: 'No such data source: {feed}' },
  'targets.feed_needs_system': {
    status: 400,
    zh: '只有填报方式为“系统统计”的指标才能指定统计来源',
    en: 'Only an indicator filled by the system can have a data source',
  },
  'targets.system_needs_feed': {
    status: 400,
    zh: '填报方式为“系统统计”的指标须指定统计来源（企业库、招商或项目的统计数）',
    en: 'An indicator filled by the system needs a data source (a count of the register, investment attraction or projects)',
  },
  'campaigns.dates': { status: 400, zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  // supervision (督查督办)
  'supervision.issued_after_today': { status: 400, zh: '文件日期{date}晚于本区当前日期{today}', en: 'The document date {date} is after the zone\'s date {today}' },
  'supervision.issued_far_from_year': { status: 400, zh: '文件日期{date}与文件年度{year}相差超过一年', en: 'The document date {date} is more than a year away from the document year {year}' },
  'supervision.year_required': { status: 400, zh: '无法从文中读出年份，请填写文件年份', en: 'The text gives no year; enter the document year' },
  'supervision.source_range': { status: 400, zh: '第{row}项的原文位置超出文件范围', en: 'Item {row}: the source position lies outside the document' },
  'supervision.lead_required': { status: 400, zh: '第{row}项须指定牵头单位和办结时限', en: 'Item {row} needs a lead unit and a deadline' },
  'supervision.unreadable': { status: 400, zh: '无法读取文件内容：{name}（支持 .txt 和 .docx）', en: 'Cannot read the text of {name} (.txt and .docx are supported)' },
  'supervision.not_involved': { status: 403, zh: '只有该任务的牵头或配合单位可以执行此操作', en: 'Only the lead or a supporting unit of this task may do this' },
  'supervision.lead_only': { status: 403, zh: '只有该任务的牵头单位可以执行此操作', en: 'Only the lead unit of this task may do this' },
  'supervision.closed': { status: 409, zh: '任务已销号，不能再报送', en: 'The task is closed; nothing more can be reported' },
  'supervision.not_late': { status: 409, zh: '任务未逾期：{deadline}前办结即可', en: 'The task is not late: it is due by {deadline}' },
  'supervision.request_pending': { status: 409, zh: '已有同类申请待督查办决定', en: 'A request of this kind is already waiting for the supervisor' },
  'supervision.request_decided': { status: 409, zh: '该申请已有决定', en: 'This request has been decided already' },
  'supervision.proposed_text': { status: 400, zh: '申请调整任务表述须填写新的表述', en: 'A rewording request needs the new wording' },
  'supervision.files': { status: 400, zh: '附件不存在或无权使用', en: 'An attachment does not exist or is not yours to use' },
  // enterprises (企业库、培育库、一企一策、走访与诉求)
  'enterprises.account_unlinked': { status: 403, zh: '该企业账号尚未关联企业，请联系管委会', en: 'This enterprise account is not linked to an enterprise yet' },
  'enterprises.tag_dates': { status: 400, zh: '标签失去日期不能早于获得日期', en: 'A tag cannot be lost before it was gained' },
  'enterprises.tag_overlap': { status: 409, zh: '该企业在{date}已持有“{tag}”标签', en: 'The enterprise already holds "{tag}" on {date}' },
  'enterprises.not_member': { status: 404, zh: '该企业不在此培育库中', en: 'The enterprise is not in this pool' },
  'enterprises.actual_decrease': { status: 400, zh: '累计产值不能低于上月累计（{prev}万元）', en: 'A year-to-date output cannot fall below the previous month ({prev} 万元)' },
  'enterprises.rate_closed_only': { status: 409, zh: '诉求办结后才能评价', en: 'An appeal can be rated once it is closed' },
  'enterprises.rated': { status: 409, zh: '该诉求已评价', en: 'This appeal has been rated already' },
  'enterprises.answer_role': { status: 403, zh: '只有承办单位可以答复诉求', en: 'Only the unit handling the appeal may answer it' },
  // projects and investment attraction
  'project.future_date': { status: 400, zh: '实际日期{date}晚于业务日期', en: 'The actual date {date} is after the business date' },
  'project.stage_order': { status: 400, zh: '阶段日期顺序有误：“{stage}”早于前一阶段', en: 'Stage dates out of order: {stage} comes before the stage before it' },
  'project.no_plan': { status: 409, zh: '项目尚未倒排节点计划', en: 'The project has no milestone plan yet' },
  'project.end_before_start': { status: 400, zh: '实际完成日期早于实际开始日期', en: 'The actual end is before the actual start' },
  'project.photo_type': { status: 415, zh: '形象进度只接受图片：{name}', en: 'Visual progress takes images only: {name}' },
  'project.future_period': { status: 400, zh: '不能填报未来月份：{period}', en: 'Cannot report a future month: {period}' },
  'project.investment_locked': { status: 409, zh: '{period}的完成投资已报送或已审核，不能修改', en: 'Completed investment for {period} is submitted or approved and cannot be changed' },
  'project.investment_not_submitted': { status: 409, zh: '只有已报送的数据可以审核或退回', en: 'Only submitted figures can be approved or returned' },
  'project.reason_required': { status: 400, zh: '退回须填写理由', en: 'A reason is required to return' },
  'project.leader_not_leader': { status: 400, zh: '包挂领导须为本区具有“领导”角色的账号', en: 'The assigned leader (包挂领导) must be an account with the leader role in this zone' },
  'project.phone_invalid': { status: 400, zh: '电话号码格式有误：{phone}（手机号11位，座机如0516-80001234）', en: 'Invalid phone number: {phone} (an 11-digit mobile, or a landline such as 0516-80001234)' },
  'project.service_item_unknown': { status: 400, zh: '本区服务标准中没有这一项：{key}', en: "No such item in the zone's service standard: {key}" },
  'project.outline_invalid': { status: 400, zh: '边界文件须为含面要素的GeoJSON：{reason}', en: 'The outline must be GeoJSON with polygon features: {reason}' },
  'attraction.already_converted': { status: 409, zh: '该线索已转为项目', en: 'This lead has already become a project' },
  'attraction.not_signed': { status: 409, zh: '线索签约后才能转为项目', en: 'Only a signed lead can become a project' },
  'attraction.signed_date_required': { status: 400, zh: '签约须填写签约日期', en: 'Signing needs the signing date' },
  'loop.past_deadline': { status: 400, zh: '办结时限不能早于业务日期（{today}）：{date}', en: 'The deadline cannot be before the business date ({today}): {date}' },
  'loop.own_route': { status: 400, zh: '此类事项须在其业务页面办理（{route}）', en: 'Items of this kind are moved through {route}' },
  'instruction.period': { status: 400, zh: '对指标的批示须指明月份，对其他事项的批示不填月份', en: 'An instruction on an indicator names its month; one on anything else names none' },
  'instruction.lead_supporting': { status: 400, zh: '牵头单位不能同时列为配合单位', en: 'The lead unit cannot also be a supporting unit' },
  'hazard.future_found': { status: 400, zh: '发现日期{date}晚于业务日期{today}', en: 'The day found ({date}) is after the business date ({today})' },
  'hazard.evidence_required': { status: 400, zh: '报结须上传整改照片或材料', en: 'Reporting a hazard rectified needs photos or documents as evidence' },
  'hazard.evidence_type': { status: 415, zh: '整改材料只接受图片、PDF或Word文档：{name}', en: 'Rectification evidence takes images, PDF or Word documents only: {name}' },
  'hazard.evidence_files': { status: 400, zh: '补充整改材料须上传至少一张照片或一份材料', en: 'Adding evidence needs at least one photo or document' },
  'hazard.closed': { status: 409, zh: '该隐患已销号，不能再补充整改材料', en: 'This hazard is closed (销号); evidence can no longer be added' },
  'hazard.period': { status: 400, zh: '统计起始日期{from}晚于截止日期{to}', en: 'The period starts ({from}) after it ends ({to})' },
  // bulletins (通报)
  'bulletins.period': {
    status: 400,
    zh: '通报周期“{period}”无效（月：2023-06，季度：2023-Q2，半年：2023-H1，年度：2023）',
    en: 'Invalid bulletin period "{period}" (month 2023-06, quarter 2023-Q2, half 2023-H1, year 2023)',
  },
  'bulletins.campaign_early': { status: 400, zh: '“{name}”尚无已结束的月份，暂不能生成通报', en: '"{name}" has no finished month yet; a bulletin cannot be drafted' },
  'bulletins.no_content': {
    status: 409,
    zh: '{label}尚无已审核的填报数据、项目或督办任务，没有可通报的内容。请先设置指标与目标，并由各单位填报、审核',
    en: 'Nothing to report for {label}: no approved figures, projects or supervision tasks yet. Set up indicators and targets and have units report and get approved first',
  },
  'bulletins.not_found': { status: 404, zh: '未找到该通报', en: 'No such bulletin' },
  'bulletins.published': { status: 409, zh: '通报已发布，内容已冻结，不能修改', en: 'The bulletin is published and frozen; it cannot be changed' },
  // assessment (考核)
  'assessment.campaign_dates': { status: 400, zh: '专项考核须填写起止日期', en: 'A campaign assessment needs its start and end dates' },
  'assessment.period': {
    status: 400,
    zh: '考核周期“{period}”与类型不符（月：2022-07，季度：2022-Q2，半年：2022-H1，年度：2022）',
    en: 'Period "{period}" does not match its kind (month 2022-07, quarter 2022-Q2, half 2022-H1, year 2022)',
  },
  'assessment.weights': { status: 400, zh: '各考核项权重之和应为100，现为{sum}', en: 'Item weights must add up to 100; they add up to {sum}' },
  'assessment.item_key': { status: 400, zh: '考核项代码重复：{key}', en: 'Duplicate item key: {key}' },
  'assessment.min_points': { status: 400, zh: '“{item}”的最低得分不能高于权重', en: '"{item}": the minimum points cannot exceed the weight' },
  'assessment.indicator': { status: 400, zh: '没有这个指标：{code}', en: 'No such indicator: {code}' },
  'assessment.group': { status: 400, zh: '没有属于考核组“{group}”的单位', en: 'No unit belongs to ranking group "{group}"' },
  'assessment.published': { status: 409, zh: '考核结果已发布并冻结，不能修改；可重新计算查看差异', en: 'The results are published and frozen; recompute to see differences' },
  'assessment.unit_group': { status: 400, zh: '{unit}不在本方案的考核组内', en: '{unit} is not in this scheme’s ranking group' },
  // the unified social credit code (enterprises/uscc.ts)
  'enterprises.credit_code.length': { status: 400, zh: '统一社会信用代码应为18位，当前为{n}位', en: 'A unified social credit code has 18 characters, this one has {n}' },
  'enterprises.credit_code.charset': {
    status: 400,
    zh: '统一社会信用代码第{position}位“{char}”不是有效字符（不使用I、O、S、V、Z）',
    en: "Character {position} '{char}' is not allowed in a unified social credit code (I, O, S, V, Z are never used)",
  },
  'enterprises.credit_code.check': {
    status: 400,
    zh: '统一社会信用代码校验位不正确，请核对是否有输错的字符',
    en: 'The check character of the unified social credit code is wrong; check for a mistyped character',
  },
  // the closed loop's machine (shared/loop/machine.ts)
  'loop.invalid_transition': { status: 409, zh: '“{state}”状态下不能执行“{action}”', en: 'Cannot {action} an item that is {state}' },
  'loop.not_allowed': { status: 403, zh: '只有{roles}可以执行“{action}”', en: 'Only the {roles} may {action} this item' },
  'loop.reason_required': { status: 400, zh: '{action}须填写理由', en: 'A reason is required to {action}' },
  'loop.assignee_required': { status: 400, zh: '交办须指定承办单位', en: 'Assigning needs the unit that will handle it' },
  'loop.deadline_required': { status: 400, zh: '交办须设定有效的办结时限（YYYY-MM-DD）', en: 'Assigning needs a valid deadline (YYYY-MM-DD)' },
  // backward scheduling (projects/schedule.ts); {category} names the template when a zone's settings are saved
  'schedule.empty': { status: 400, zh: '模板没有任何节点', en: 'The template has no steps' },
  'schedule.duplicate_key': { status: 400, zh: '节点编号重复：{key}', en: 'Duplicate step key: {key}' },
  'schedule.invalid_duration': { status: 400, zh: '节点“{name}”的工期须为不少于1的整数个工作日', en: 'Step {key} needs a whole number of working days, at least 1' },
  'schedule.unknown_dependency': { status: 400, zh: '节点“{name}”依赖的节点“{missing}”不存在', en: 'Step {key} depends on unknown step {missing}' },
  'schedule.cycle': { status: 400, zh: '节点之间存在循环依赖：{cycle}', en: 'Steps depend on each other in a cycle: {cycle}' },
  'rate_limited': { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'internal': { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof catalogue;
/** Values fill `{name}` slots; a value given in both languages fills each message with its own. */
export type Params = Record<string, string | number | Texts>;
/** A text in both languages (a parameter's value, or a message a pure module hands on). */
export interface Texts {
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  constructor(code: ErrorCode, params: Params = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
  get status(): number {
    return catalogue[this.code].status;
  }
  localized(lang: Lang): string {
    return errorMessage(this.code, lang, this.params);
  }
}

/** A code of the catalogue (a schema's message may be one: see the server's error handler). */
export const isErrorCode = (s: string | undefined): s is ErrorCode => s !== undefined && Object.hasOwn(catalogue, s);

export function errorMessage(code: ErrorCode, lang: Lang, params: Params = {}): string {
  return interpolate(catalogue[code][lang], params, lang);
}

/** A catalogue message in both languages, for pure code that reports a failure as a value (uscc.ts, schedule.ts, loop/machine.ts). */
export const textsOf = (code: ErrorCode, params: Params = {}): Texts => ({ zh: errorMessage(code, 'zh', params), en: errorMessage(code, 'en', params) });

/** What an `{entity}` parameter is called in each language; unknown names pass through. */
export const entityNames: Record<string, Texts> = {
  unit: { zh: '单位', en: 'Unit' },
  user: { zh: '用户', en: 'User' },
  item: { zh: '事项', en: 'Item' },
  file: { zh: '文件', en: 'File' },
  notification: { zh: '通知', en: 'Notification' },
  zone: { zh: '开发区', en: 'Zone' },
  adjustment: { zh: '加减分', en: 'Adjustment' },
  appeal: { zh: '诉求', en: 'Appeal' },
  campaign: { zh: '攻坚行动', en: 'Campaign' },
  document: { zh: '文稿', en: 'Document' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  figure: { zh: '填报数据', en: 'Figure' },
  indicator: { zh: '指标', en: 'Indicator' },
  investment: { zh: '投资完成额', en: 'Investment' },
  lead: { zh: '招商线索', en: 'Lead' },
  lock: { zh: '锁定记录', en: 'Lock' },
  milestone: { zh: '节点', en: 'Milestone' },
  notice: { zh: '督办单', en: 'Supervision notice' },
  plan: { zh: '一企一策', en: 'Plan' },
  pool: { zh: '培育库', en: 'Pool' },
  project: { zh: '项目', en: 'Project' },
  request: { zh: '申请', en: 'Request' },
  scheme: { zh: '考核方案', en: 'Assessment scheme' },
  tag: { zh: '标签', en: 'Tag' },
  target: { zh: '目标', en: 'Target' },
  task: { zh: '任务', en: 'Task' },
  token: { zh: '接口令牌', en: 'API token' },
  bulletin: { zh: '通报', en: 'Bulletin' },
  instruction: { zh: '领导批示', en: 'Instruction' },
  problem: { zh: '项目问题', en: 'Project problem' },
  hazard: { zh: '隐患', en: 'Hazard' },
};

function interpolate(text: string, params: Params, lang: Lang): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    const raw = params[k] ?? '';
    if (typeof raw === 'object') return raw[lang];
    const v = String(raw);
    return k === 'entity' ? (entityNames[v]?.[lang] ?? v) : v;
  });
}
