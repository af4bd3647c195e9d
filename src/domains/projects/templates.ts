// Default milestone flows (节点流程) per project category, as zones run them:
// approvals in parallel where the rules allow (容缺受理, 并联审批), utilities
// (供水/供电/供气) in parallel with construction. Durations are typical working
// days, meant to be edited per project; the graph is what matters.
import type { MilestoneStep, MilestoneTemplate } from './schedule';

export type ProjectCategory = 'industrial' | 'urban' | 'livelihood';
export type ProjectStage = 'negotiating' | 'signed' | 'started' | 'producing' | 'at_capacity';

export interface ProjectTemplateStep extends MilestoneStep {
  /** The project reaches this stage when the step is done (签约 → signed, 开工 → started…). */
  marksStage?: ProjectStage;
}

export interface ProjectTemplate extends MilestoneTemplate {
  category: ProjectCategory;
  name: { zh: string; en: string };
  steps: readonly ProjectTemplateStep[];
}

const step = (
  key: string,
  name: string,
  durationWorkdays: number,
  dependsOn: string[],
  department: string,
  marksStage?: ProjectStage,
): ProjectTemplateStep => ({ key, name, durationWorkdays, dependsOn, department, ...(marksStage ? { marksStage } : {}) });

/** 重大产业项目: from signing to production (当年签约、当年开工、当年投产 is the ambition). */
export const INDUSTRIAL_TEMPLATE: ProjectTemplate = {
  category: 'industrial',
  name: { zh: '重大产业项目节点流程', en: 'Major industrial project milestones' },
  steps: [
    step('signing', '项目签约', 1, [], '招商局', 'signed'),
    step('company_registration', '项目公司注册', 5, ['signing'], '行政审批局'),
    step('project_filing', '立项备案', 5, ['company_registration'], '经发局'),
    step('land_pre_review', '土地预审与选址', 15, ['signing'], '自然资源和规划局'),
    step('land_clearance', '征地拆迁与净地交付', 30, ['signing'], '属地街道'),
    step('energy_review', '能评（节能审查）', 15, ['project_filing'], '经发局'),
    step('eia_approval', '环评批复', 30, ['project_filing'], '生态环境局'),
    step('safety_assessment', '安全预评价', 15, ['project_filing'], '应急管理局'),
    step('design_scheme', '规划设计方案审查', 15, ['land_pre_review'], '自然资源和规划局'),
    step('land_listing', '土地挂牌摘牌', 25, ['land_pre_review', 'land_clearance'], '自然资源和规划局'),
    step('land_contract', '签订土地出让合同', 5, ['land_listing'], '自然资源和规划局'),
    step('property_certificate', '不动产权证', 10, ['land_contract'], '自然资源和规划局'),
    step('planning_permit', '建设工程规划许可证', 10, ['design_scheme', 'property_certificate'], '自然资源和规划局'),
    step('construction_drawings', '施工图设计', 25, ['design_scheme'], '项目单位'),
    step('drawing_review', '施工图审查', 10, ['construction_drawings'], '住建局'),
    step(
      'construction_permit',
      '施工许可证',
      5,
      ['planning_permit', 'drawing_review', 'eia_approval', 'energy_review', 'safety_assessment'],
      '行政审批局',
    ),
    step('groundbreaking', '主体开工', 1, ['construction_permit'], '项目单位', 'started'),
    step('road_access', '道路及管网配套', 60, ['land_contract'], '住建局'),
    step('main_structure', '主体施工至封顶', 80, ['groundbreaking'], '项目单位'),
    step('water_supply', '供水配套', 30, ['groundbreaking'], '水务公司'),
    step('power_supply', '供电配套', 40, ['groundbreaking'], '供电公司'),
    step('gas_supply', '供气配套', 30, ['groundbreaking'], '燃气公司'),
    step('equipment_arrival', '设备进场', 15, ['main_structure'], '项目单位'),
    step(
      'equipment_commissioning',
      '设备安装调试',
      30,
      ['equipment_arrival', 'water_supply', 'power_supply', 'gas_supply'],
      '项目单位',
    ),
    step('completion_acceptance', '竣工验收（含消防验收）', 15, ['main_structure', 'road_access'], '住建局'),
    step('environmental_acceptance', '环保设施竣工验收', 15, ['equipment_commissioning'], '生态环境局'),
    step('trial_production', '试生产', 20, ['equipment_commissioning', 'completion_acceptance'], '项目单位'),
    step('production', '正式投产', 1, ['trial_production', 'environmental_acceptance'], '经发局', 'producing'),
  ],
};

/** 城建重点工程: government-funded roads, bridges, pipe networks. */
export const URBAN_TEMPLATE: ProjectTemplate = {
  category: 'urban',
  name: { zh: '城建重点工程节点流程', en: 'Urban works milestones' },
  steps: [
    step('proposal', '项目建议书批复', 10, [], '经发局'),
    step('feasibility', '可行性研究报告批复', 20, ['proposal'], '经发局'),
    step('land_pre_review', '用地预审与选址', 15, ['proposal'], '自然资源和规划局'),
    step('eia_approval', '环评批复', 20, ['feasibility'], '生态环境局'),
    step('preliminary_design', '初步设计及概算批复', 20, ['feasibility'], '经发局'),
    step('land_clearance', '征迁交地', 40, ['land_pre_review'], '属地街道'),
    step('planning_permit', '建设工程规划许可证', 10, ['preliminary_design', 'land_pre_review'], '自然资源和规划局'),
    step('construction_drawings', '施工图设计', 20, ['preliminary_design'], '建设单位'),
    step('drawing_review', '施工图审查', 10, ['construction_drawings'], '住建局'),
    step('budget_review', '预算评审', 15, ['construction_drawings'], '财政局'),
    step('tendering', '施工招标', 25, ['drawing_review', 'budget_review'], '公共资源交易中心'),
    step('construction_permit', '施工许可证', 5, ['tendering', 'planning_permit', 'eia_approval'], '行政审批局'),
    step('pipeline_relocation', '管线迁改', 30, ['land_clearance'], '住建局'),
    step('groundbreaking', '开工', 1, ['construction_permit', 'land_clearance'], '建设单位', 'started'),
    step('construction', '工程施工', 110, ['groundbreaking', 'pipeline_relocation'], '建设单位'),
    step('completion_acceptance', '竣工验收', 15, ['construction'], '住建局'),
    step('handover', '交付使用', 5, ['completion_acceptance'], '建设单位', 'producing'),
  ],
};

/** 民生实事: smaller works (老旧小区改造, 学校, 卫生室), a shorter flow. */
export const LIVELIHOOD_TEMPLATE: ProjectTemplate = {
  category: 'livelihood',
  name: { zh: '民生实事节点流程', en: 'Livelihood works milestones' },
  steps: [
    step('implementation_plan', '实施方案确定', 10, [], '社会事业局'),
    step('funding', '资金落实', 15, ['implementation_plan'], '财政局'),
    step('design', '设计方案', 15, ['implementation_plan'], '住建局'),
    step('procurement', '招标采购', 20, ['funding', 'design'], '公共资源交易中心'),
    step('groundbreaking', '开工', 1, ['procurement'], '实施单位', 'started'),
    step('works', '施工实施', 60, ['groundbreaking'], '实施单位'),
    step('acceptance', '完工验收', 10, ['works'], '住建局'),
    step('delivery', '交付使用及满意度测评', 5, ['acceptance'], '社会事业局', 'producing'),
  ],
};

export const DEFAULT_TEMPLATES: Readonly<Record<ProjectCategory, ProjectTemplate>> = {
  industrial: INDUSTRIAL_TEMPLATE,
  urban: URBAN_TEMPLATE,
  livelihood: LIVELIHOOD_TEMPLATE,
};

export function defaultTemplate(category: ProjectCategory): ProjectTemplate {
  return DEFAULT_TEMPLATES[category];
}
