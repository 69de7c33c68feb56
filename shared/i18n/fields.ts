/**
 * What each request field is called on the forms, per language. A field path such as
 * `mother.residentId` or `evaluationMonths.1` is named by its last word that has a label;
 * a field without one is shown as written.
 */
import type { Lang } from './lang.ts';
import { OUTREACH_FIELD_LABELS } from './fields-outreach.ts';
import { PROGRAMME_FIELD_LABELS } from './fields-programme.ts';
import { EVALUATION_REPORT_FIELD_LABELS } from './fields-evaluation-reports.ts';

type Label = Record<Lang, string>;
const L = (zh: string, bo: string, en: string): Label => ({ 'zh-CN': zh, bo, en });

export const FIELD_LABELS: Record<string, Label> = {
  ...OUTREACH_FIELD_LABELS,
  ...PROGRAMME_FIELD_LABELS,
  ...EVALUATION_REPORT_FIELD_LABELS,
  // the steps four eyes keeps apart (field of a separation_of_duties refusal)
  submission: L('提交申请', 'རེ་ཞུ་ཕུལ་བ་', 'submitting the application'),
  notice: L('张贴公示', 'གསལ་བསྒྲགས་སྦྱར་བ་', 'posting the notice'),
  visit: L('入户走访', 'ཁྱིམ་བཅར་', 'a household visit'),
  screening: L('审查', 'ཞིབ་བཤེར་', 'the screening'),
  approval: L('批准', 'ཆོག་མཆན་', 'the approval'),
  body: L('请求内容', 'རེ་ཞུའི་ནང་དོན་', 'the request body'),
  content: L('文件内容', 'ཡིག་ཆའི་ནང་དོན་', 'the file'),
  format: L('文件格式', 'ཡིག་ཆའི་རྣམ་པ་', 'format'),
  'Idempotency-Key': L('请求编号（Idempotency-Key）', 'རེ་ཞུའི་ཨང་རྟགས། (Idempotency-Key)', 'Idempotency-Key'),
  cursor: L('翻页标记', 'ཤོག་ངོས་རྟགས་', 'cursor'),
  limit: L('每页条数', 'ཤོག་ངོས་རེར་གྲངས་', 'limit'),
  q: L('搜索内容', 'འཚོལ་ཞིབ་ནང་དོན་', 'search text'),
  // the sheets of an office's ledger and its paper totals
  rounds: L('轮次表', 'སྐོར་རིམ་རེའུ་མིག', 'rounds sheet'),
  loans: L('借款表', 'བུ་ལོན་རེའུ་མིག', 'loans sheet'),
  repayments: L('还款表', 'བུ་ལོན་འཇལ་བའི་རེའུ་མིག', 'repayments sheet'),
  writeOffs: L('核销表', 'རྩིས་མེད་གཏོང་བའི་རེའུ་མིག', 'write-offs sheet'),
  declaredTotals: L('台账纸面合计', 'རྩིས་ཁྲའི་ཤོག་བུའི་བསྡོམས་', 'paper totals of the ledger'),
  status: L('状态', 'གནས་སྟངས་', 'status'),
  state: L('状态', 'གནས་སྟངས་', 'state'),
  level: L('层级', 'རིམ་པ་', 'level'),
  groupBy: L('分组方式', 'སྡེ་ཚན་འབྱེད་སྟངས་', 'grouping'),
  asOf: L('截止日期', 'མཇུག་སྒྲིལ་ཚེས་གྲངས་', 'as-of date'),
  id: L('编号', 'ཨང་རྟགས་', 'id'),
  'mother.name': L('姓名', 'མིང་', 'name'),
  name: L('名称', 'མིང་', 'name'),
  nameEn: L('英文名称', 'དབྱིན་ཡིག་མིང་', 'English name'),
  kind: L('类别', 'རིགས་', 'kind'),
  abbreviation: L('简称', 'མིང་བསྡུས་', 'abbreviation'),
  officeId: L('单位', 'ལས་ཁུངས་', 'office'),
  districtId: L('区', 'ཆུས་', 'district'),
  townshipId: L('乡（街道）', 'ཤང་', 'township'),
  villageId: L('村（居委会）', 'གྲོང་ཚོ་', 'village'),
  fromOfficeId: L('移交单位', 'རྩིས་སྤྲོད་བྱེད་མཁན་ལས་ཁུངས་', 'office handing over'),
  roundId: L('轮次', 'སྐོར་རིམ་', 'round'),
  mother: L('母亲信息', 'ཨ་མའི་ཆ་འཕྲིན་', 'the mother'),
  residentId: L('身份证号', 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་', 'resident ID number'),
  phone: L('手机号', 'ཁ་པར་ཨང་གྲངས་', 'mobile number'),
  consent: L('个人信息处理同意书', 'མི་སྒེར་ཆ་འཕྲིན་བེད་སྤྱོད་ཀྱི་མོས་མཐུན་ཡི་གེ་', 'consent to the processing of her personal information'),
  'consent.givenOn': L('同意书签署日期', 'མོས་མཐུན་ཡི་གེར་མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས་', 'date the consent was signed'),
  'consent.takenBy': L('告知并取得同意的工作人员', 'མོས་མཐུན་ལེན་མཁན་ལས་བྱེད་པ་', 'staff member who took the consent'),
  householdSize: L('家庭人口', 'ཁྱིམ་ཚང་མི་གྲངས་', 'household size'),
  householdAnnualIncomeFen: L('家庭年收入', 'ཁྱིམ་ཚང་གི་ལོ་འབབ་', 'household annual income'),
  villagePerCapitaIncomeFen: L('本村人均收入', 'གྲོང་ཚོའི་མི་རེའི་ཆ་སྙོམས་ཡོང་འབབ་', 'village income per person'),
  familyPlanning: L('计划生育情况', 'བྱིས་པ་འཆར་གཞིར་བཀོད་པའི་གནས་སྟངས་', 'family-planning status'),
  project: L('项目', 'ལས་གཞི་', 'project'),
  type: L('类型', 'རིགས་', 'type'),
  description: L('说明', 'འགྲེལ་བཤད་', 'description'),
  expectedAnnualReturnFen: L('预计年收益', 'ལོ་རེའི་ཁེ་འབབ་རེ་སྒུག་', 'expected annual return'),
  amountRequestedFen: L('申请金额', 'ཞུ་བའི་དངུལ་འབོར་', 'amount requested'),
  amountApprovedFen: L('批准金额', 'ཆོག་མཆན་ཐོབ་པའི་དངུལ་འབོར་', 'amount approved'),
  amountFen: L('金额', 'དངུལ་འབོར་', 'amount'),
  capitalFen: L('本轮资金', 'སྐོར་འདིའི་མ་དངུལ་', 'capital'),
  grantFen: L('新拨资金', 'གསར་དུ་སྤྲད་པའི་མ་དངུལ་', 'new grant'),
  grants: L('拨款', 'མ་དངུལ་སྤྲོད་པ་', 'grants'),
  'grants.source': L('拨款来源', 'མ་དངུལ་གྱི་འབྱུང་ཁུངས་', 'source of the grant'),
  'grants.amountFen': L('拨款金额', 'སྤྲད་པའི་དངུལ་འབོར་', 'amount granted'),
  minLoanFen: L('单笔最低金额', 'བུ་ལོན་རེའི་ཉུང་མཐའ་', 'smallest loan'),
  maxLoanFen: L('单笔最高金额', 'བུ་ལོན་རེའི་མང་མཐའ་', 'largest loan'),
  termMonths: L('借款期限（月）', 'བུ་ལོན་དུས་ཚོད། (ཟླ་བ།)', 'term (months)'),
  evaluationMonths: L('评估月份', 'དཔྱད་བསྡུར་ཀྱི་ཟླ་བ་', 'evaluation months'),
  noticeDays: L('公示天数', 'གསལ་བསྒྲགས་ཉིན་གྲངས་', 'notice days'),
  days: L('公示天数', 'གསལ་བསྒྲགས་ཉིན་གྲངས་', 'notice days'),
  place: L('地点', 'ས་གནས་', 'place'),
  submittedOn: L('申请日期', 'རེ་ཞུ་ཕུལ་བའི་ཚེས་གྲངས་', 'application date'),
  postedOn: L('公示日期', 'གསལ་བསྒྲགས་ཀྱི་ཚེས་གྲངས་', 'notice date'),
  raisedOn: L('异议提出日期', 'དགག་བརྗོད་བཏོན་པའི་ཚེས་གྲངས་', 'date the objection was raised'),
  raisedBy: L('提出人', 'དགག་བརྗོད་འདོན་མཁན་', 'raised by'),
  resolvedOn: L('处理日期', 'ཐག་གཅོད་ཚེས་གྲངས་', 'date resolved'),
  outcome: L('处理结果', 'ཐག་གཅོད་འབྲས་བུ་', 'outcome'),
  note: L('备注', 'མཆན་', 'note'),
  visitedOn: L('走访日期', 'ཁྱིམ་བཅར་གྱི་ཚེས་གྲངས་', 'visit date'),
  visitors: L('走访人员', 'ཁྱིམ་བཅར་བྱེད་མཁན་', 'visitors'),
  willingToWork: L('劳动意愿', 'ལས་ཀ་བྱེད་འདོད་', 'willing to work'),
  planCredible: L('项目可行', 'ལས་གཞི་འཐུས་ཚང་', 'plan credible'),
  notes: L('记录', 'ཟིན་ཐོ་', 'notes'),
  decision: L('决定', 'ཐག་གཅོད་', 'decision'),
  decidedOn: L('决定日期', 'ཐག་གཅོད་ཚེས་གྲངས་', 'decision date'),
  reason: L('理由', 'རྒྱུ་མཚན་', 'reason'),
  signedOn: L('签订日期', 'མིང་རྟགས་བཀོད་པའི་ཚེས་གྲངས་', 'date signed'),
  guarantors: L('担保人', 'འགན་ལེན་པ་', 'guarantors'),
  townshipHead: L('乡（镇、街道）负责人', 'ཤང་གི་འགོ་འཛིན་', 'township head'),
  villageHead: L('村（居）委会主任', 'གྲོང་ཚོའི་འགོ་འཛིན་', 'village head'),
  signatories: L('签字各方', 'མིང་རྟགས་འགོད་མཁན་', 'signatories'),
  party: L('签字方', 'མིང་རྟགས་འགོད་ཕྱོགས་', 'party'),
  disbursedOn: L('放款日期', 'བུ་ལོན་སྤྲོད་པའི་ཚེས་གྲངས་', 'disbursement date'),
  motherPresent: L('母亲本人到场', 'ཨ་མ་རང་ཉིད་ཡོང་བ་', 'mother present'),
  idChecked: L('已核验身份证', 'ཐོབ་ཐང་ལག་འཁྱེར་ཞིབ་བཤེར་བྱས་', 'ID checked'),
  evaluatedOn: L('评估日期', 'དཔྱད་བསྡུར་ཚེས་གྲངས་', 'evaluation date'),
  fundUse: L('资金使用情况', 'མ་དངུལ་བེད་སྤྱོད་གནས་སྟངས་', 'use of the money'),
  progress: L('项目进展', 'ལས་གཞིའི་ཡར་ཐོན་', 'progress'),
  operatingState: L('经营状况', 'ཚོང་ལས་གནས་སྟངས་', 'operating state'),
  incomeToDateFen: L('至今收入', 'ད་བར་གྱི་ཡོང་འབབ་', 'income to date'),
  forecastFen: L('预计效益', 'ཁེ་ཕན་སྔོན་རྩིས་', 'forecast'),
  problems: L('发现的问题', 'རྙེད་པའི་དཀའ་ངལ་', 'problems found'),
  actionsUrged: L('督促事项', 'སྐུལ་མ་བཏང་བའི་བྱ་བ་', 'actions urged'),
  methods: L('评估方式', 'དཔྱད་བསྡུར་བྱེད་ཐབས་', 'evaluation methods'),
  leftPoverty: L('是否脱贫', 'དབུལ་ཐར་བྱུང་མིན་', 'left poverty'),
  paidOn: L('还款日期', 'བུ་ལོན་འཇལ་བའི་ཚེས་གྲངས་', 'payment date'),
  receiptNo: L('收据号', 'འཛིན་ཤོག་ཨང་', 'receipt number'),
  writtenOffOn: L('核销日期', 'རྩིས་མེད་གཏོང་བའི་ཚེས་གྲངས་', 'write-off date'),
  closedOn: L('结束日期', 'མཇུག་སྒྲིལ་ཚེས་གྲངས་', 'closing date'),
  openedOn: L('开始日期', 'འགོ་འཛུགས་ཚེས་གྲངས་', 'opening date'),
  requestedOn: L('申请日期', 'ཞུ་བའི་ཚེས་གྲངས་', 'request date'),
  handedOverOn: L('移交日期', 'རྩིས་སྤྲོད་ཚེས་གྲངས་', 'hand-over date'),
  handedOverBy: L('移交人', 'རྩིས་སྤྲོད་མཁན་', 'handed over by'),
  receivedBy: L('接收人', 'ལེན་མཁན་', 'received by'),
  repaymentIds: L('还款记录', 'བུ་ལོན་འཇལ་བའི་ཟིན་ཐོ་', 'repayments'),
  dryRun: L('试运行', 'ཚོད་ལྟ་', 'dry run'),
};

/** The label of a field path in a language (the last segment with a label; array indexes are skipped). */
export function fieldLabel(path: string | undefined, lang: Lang): string {
  if (!path) return '';
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  // own labels only: a field named "__proto__" or "constructor" has none
  const own = (name: string) => (Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name] : undefined);
  const whole = own(parts.join('.'));
  if (whole) return whole[lang];
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = own(parts.slice(i).join('.')) ?? own(parts[i]!);
    if (label) return label[lang];
  }
  return path;
}
