/**
 * Screening: the "three nos and one priority" (三不一优先) and the conditions of the
 * programme, as pure functions. Each rule says whether it passed and why, in Chinese and
 * English, so the decision can show it rule by rule.
 */
import type { Application, Loan, Round, RuleResult, Visit } from './entities.ts';
import { formatYuan } from './money.ts';

export const REQUIRED_VISITS = 2;

export interface ScreeningInput {
  application: Pick<Application, 'familyPlanning' | 'project' | 'householdSize' | 'householdAnnualIncomeFen' | 'villagePerCapitaIncomeFen' | 'amountRequestedFen'>;
  visits: Pick<Visit, 'visitedOn' | 'willingToWork' | 'planCredible'>[];
  round: Pick<Round, 'minLoanFen' | 'maxLoanFen' | 'termMonths'>;
  /** the mother's earlier loans (found by her resident ID) */
  earlierLoans: (Pick<Loan, 'id' | 'status' | 'balanceFen'> & { agreementNo?: string })[];
}

type Rule = (input: ScreeningInput) => RuleResult;

/** A rule's outcome with its reason in English, Chinese and Tibetan (for the field pages read in Tibetan). */
const result = (rule: string, passed: boolean, reason: string, reasonZh: string, reasonBo: string): RuleResult => ({ rule, passed, reason, reasonZh, reasonBo });

/** 三不 (1): no loan to a household that violated the family-planning policy. */
const familyPlanning: Rule = ({ application }) =>
  application.familyPlanning === 'violation'
    ? result('family_planning', false, 'the household violated the family-planning policy', '该户违反计划生育政策', 'ཁྱིམ་ཚང་འདིས་བྱིས་པ་འཆར་གཞིར་བཀོད་པའི་སྲིད་ཇུས་ལས་འགལ་འདུག')
    : result('family_planning', true, `family-planning status: ${application.familyPlanning}`, '该户遵守计划生育政策', 'ཁྱིམ་ཚང་འདིས་བྱིས་པ་འཆར་གཞིར་བཀོད་པའི་སྲིད་ཇུས་ལྟར་བྱས་ཡོད།');

/** 三不 (2): no loan without a project plan to get out of poverty. */
const projectPlan: Rule = ({ application: { project } }) => {
  if (project.description.trim().length < 10)
    return result(
      'project_plan',
      false,
      'the project plan is missing or too short to judge (at least 10 characters)',
      '没有可行的脱贫项目计划（描述至少10个字）',
      'དབུལ་ཐར་ལས་གཞིའི་འཆར་གཞི་མེད། (འགྲེལ་བཤད་ཡིག་འབྲུ་ 10 ལས་མི་ཉུང་བ་དགོས།)',
    );
  if (project.expectedAnnualReturnFen <= 0) return result('project_plan', false, 'the project plan expects no return', '项目计划没有预期收益', 'ལས་གཞིའི་འཆར་གཞིར་ཁེ་འབབ་རེ་སྒུག་མེད།');
  return result(
    'project_plan',
    true,
    `${project.type} project with an expected annual return of ${formatYuan(project.expectedAnnualReturnFen)} yuan`,
    `有脱贫项目计划，预计年收益 ${formatYuan(project.expectedAnnualReturnFen)} 元`,
    `དབུལ་ཐར་ལས་གཞིའི་འཆར་གཞི་ཡོད། ལོ་རེའི་ཁེ་འབབ་རེ་སྒུག་སྒོར་ ${formatYuan(project.expectedAnnualReturnFen)}`,
  );
};

/** 三不 (3): no loan without the will to work, judged on the household visits. */
const willingToWork: Rule = ({ visits }) => {
  if (visits.length < REQUIRED_VISITS)
    return result(
      'willing_to_work',
      false,
      `${visits.length} household visit(s) logged; ${REQUIRED_VISITS} are required to judge the will to work`,
      `已入户走访 ${visits.length} 次，需至少 ${REQUIRED_VISITS} 次才能判断劳动意愿`,
      `ཁྱིམ་བཅར་ཐེངས་ ${visits.length} བྱས་ཡོད། ལས་ཀ་བྱེད་འདོད་ཚོད་དཔག་བྱེད་པར་ཉུང་མཐར་ཐེངས་ ${REQUIRED_VISITS} དགོས།`,
    );
  const unwilling = visits.find((v) => !v.willingToWork);
  if (unwilling)
    return result(
      'willing_to_work',
      false,
      `the visit on ${unwilling.visitedOn} found the household not willing to work`,
      `${unwilling.visitedOn} 走访认为该户缺乏劳动意愿`,
      `${unwilling.visitedOn} ཁྱིམ་བཅར་སྐབས་ཁྱིམ་ཚང་འདིར་ལས་ཀ་བྱེད་འདོད་མེད་པར་བརྩིས།`,
    );
  return result(
    'willing_to_work',
    true,
    `all ${visits.length} visits found the household willing to work`,
    `${visits.length} 次走访均认为该户有劳动意愿`,
    `ཁྱིམ་བཅར་ཐེངས་ ${visits.length} ཚང་མས་ཁྱིམ་ཚང་འདིར་ལས་ཀ་བྱེད་འདོད་ཡོད་པར་བརྩིས།`,
  );
};

/** The plan must be credible to the staff who visited. */
const planCredible: Rule = ({ visits }) => {
  if (visits.length < REQUIRED_VISITS)
    return result(
      'plan_credible',
      false,
      `${REQUIRED_VISITS} household visits are required to judge the plan`,
      `需至少 ${REQUIRED_VISITS} 次走访才能判断项目可行性`,
      `ལས་གཞི་འཐུས་མིན་ཚོད་དཔག་བྱེད་པར་ཉུང་མཐར་ཁྱིམ་བཅར་ཐེངས་ ${REQUIRED_VISITS} དགོས།`,
    );
  const doubtful = visits.find((v) => !v.planCredible);
  if (doubtful)
    return result(
      'plan_credible',
      false,
      `the visit on ${doubtful.visitedOn} judged the project plan not credible`,
      `${doubtful.visitedOn} 走访认为项目计划不可行`,
      `${doubtful.visitedOn} ཁྱིམ་བཅར་སྐབས་ལས་གཞིའི་འཆར་གཞི་མི་འཐུས་པར་བརྩིས།`,
    );
  return result('plan_credible', true, 'the visits judged the project plan credible', '走访认为项目计划可行', 'ཁྱིམ་བཅར་སྐབས་ལས་གཞིའི་འཆར་གཞི་འཐུས་པར་བརྩིས།');
};

export function perCapitaIncomeFen(a: ScreeningInput['application']): number {
  return Math.floor(a.householdAnnualIncomeFen / a.householdSize);
}

/** Per-person income below the village's per-person average. */
const incomeBelowVillage: Rule = ({ application }) => {
  const own = perCapitaIncomeFen(application);
  const village = application.villagePerCapitaIncomeFen;
  const figures = `${formatYuan(own)} yuan per person against the village's ${formatYuan(village)}`;
  const figuresZh = `人均收入 ${formatYuan(own)} 元，本村人均 ${formatYuan(village)} 元`;
  const figuresBo = `མི་རེའི་ཡོང་འབབ་སྒོར་ ${formatYuan(own)} གྲོང་ཚོའི་ཆ་སྙོམས་སྒོར་ ${formatYuan(village)}`;
  return own < village
    ? result('income_below_village', true, `income ${figures}`, `${figuresZh}，低于本村平均`, `${figuresBo} གྲོང་ཚོའི་ཆ་སྙོམས་ལས་དམའ།`)
    : result('income_below_village', false, `income is not below the village average: ${figures}`, `${figuresZh}，不低于本村平均`, `${figuresBo} གྲོང་ཚོའི་ཆ་སྙོམས་ལས་དམའ་བ་མིན།`);
};

/** The amount must lie within the round's loan size range. */
const amountInRange: Rule = ({ application, round }) => {
  const a = application.amountRequestedFen;
  const range = `${formatYuan(round.minLoanFen)}–${formatYuan(round.maxLoanFen)}`;
  return a >= round.minLoanFen && a <= round.maxLoanFen
    ? result(
        'amount_in_range',
        true,
        `${formatYuan(a)} yuan is within the round's range ${range}`,
        `申请金额 ${formatYuan(a)} 元在本轮 ${range} 元范围内`,
        `ཞུ་བའི་དངུལ་འབོར་སྒོར་ ${formatYuan(a)} སྐོར་འདིའི་ཚད་ སྒོར་ ${range} ནང་ཡོད།`,
      )
    : result(
        'amount_in_range',
        false,
        `${formatYuan(a)} yuan is outside the round's range ${range}`,
        `申请金额 ${formatYuan(a)} 元超出本轮 ${range} 元范围`,
        `ཞུ་བའི་དངུལ་འབོར་སྒོར་ ${formatYuan(a)} སྐོར་འདིའི་ཚད་ སྒོར་ ${range} ལས་བརྒལ།`,
      );
};

/** Some capacity to repay: the project's expected return over the term covers the loan. */
const capacityToRepay: Rule = ({ application, round }) => {
  const returnOverTerm = Math.floor((application.project.expectedAnnualReturnFen * round.termMonths) / 12);
  return returnOverTerm >= application.amountRequestedFen
    ? result(
        'capacity_to_repay',
        true,
        `expected return over the term ${formatYuan(returnOverTerm)} yuan covers the loan`,
        `项目期内预计收益 ${formatYuan(returnOverTerm)} 元，足以还款`,
        `བུ་ལོན་དུས་ཚོད་ནང་ཁེ་འབབ་རེ་སྒུག་སྒོར་ ${formatYuan(returnOverTerm)} བུ་ལོན་འཇལ་བར་འདང་།`,
      )
    : result(
        'capacity_to_repay',
        false,
        `expected return over the term ${formatYuan(returnOverTerm)} yuan does not cover the ${formatYuan(application.amountRequestedFen)} yuan loan`,
        `项目期内预计收益 ${formatYuan(returnOverTerm)} 元，不足以归还 ${formatYuan(application.amountRequestedFen)} 元`,
        `བུ་ལོན་དུས་ཚོད་ནང་ཁེ་འབབ་རེ་སྒུག་སྒོར་ ${formatYuan(returnOverTerm)} བུ་ལོན་སྒོར་ ${formatYuan(application.amountRequestedFen)} འཇལ་བར་མི་འདང་།`,
      );
};

/** Good credit: every earlier loan was repaid in full. */
const goodCredit: Rule = ({ earlierLoans }) => {
  const bad = earlierLoans.find((l) => l.status !== 'repaid');
  // a loan without an id lies in another district: said without naming it
  if (bad && !bad.id) return result('good_credit', false, 'an earlier loan in another district is not repaid', '此前在其他区的一笔贷款尚未还清', 'ཆུས་གཞན་གྱི་སྔོན་གྱི་བུ་ལོན་ཞིག་ད་དུང་འཇལ་ཚར་མེད།');
  if (bad)
    return result('good_credit', false, `earlier loan ${bad.id} is not repaid`, `此前贷款 ${bad.id} 尚未还清`, `${bad.agreementNo ? `གྲོས་མཐུན་ ${bad.agreementNo} ཡི་` : 'སྔོན་གྱི་'}བུ་ལོན་ད་དུང་འཇལ་ཚར་མེད།`);
  return earlierLoans.length === 0
    ? result('good_credit', true, 'first loan; no bad record', '首次申请，无不良记录', 'ཐེངས་དང་པོའི་རེ་ཞུ་ཡིན། ཡིད་ཆེས་ཉམས་པའི་ཟིན་ཐོ་མེད།')
    : result('good_credit', true, `all ${earlierLoans.length} earlier loan(s) repaid in full`, `此前 ${earlierLoans.length} 笔贷款均已还清`, `སྔོན་གྱི་བུ་ལོན་ ${earlierLoans.length} ཚང་མ་འཇལ་ཚར།`);
};

export const RULES: readonly Rule[] = [familyPlanning, projectPlan, willingToWork, planCredible, incomeBelowVillage, amountInRange, capacityToRepay, goodCredit];

/**
 * Priority score 0–100 (一优先): family-planning households first, then the poorest
 * relative to their village, then the quickest return, then first-time borrowers.
 */
export function priorityScore(input: ScreeningInput): number {
  const a = input.application;
  let score = 0;
  if (a.familyPlanning === 'one_child' || a.familyPlanning === 'two_daughters') score += 30;
  const gap = a.villagePerCapitaIncomeFen - perCapitaIncomeFen(a);
  if (gap > 0) score += Math.min(40, Math.floor((gap * 40) / a.villagePerCapitaIncomeFen));
  score += Math.min(20, Math.floor((a.project.expectedAnnualReturnFen * 10) / a.amountRequestedFen));
  if (input.earlierLoans.length === 0) score += 10;
  return score;
}

export function screen(input: ScreeningInput): { passed: boolean; priorityScore: number; rules: RuleResult[] } {
  const rules = RULES.map((rule) => rule(input));
  return { passed: rules.every((r) => r.passed), priorityScore: priorityScore(input), rules };
}
