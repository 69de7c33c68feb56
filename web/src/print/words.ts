/**
 * Every string of the printed documents, Tibetan (`bo`) and Chinese (`zh`) side by side;
 * English (`en`) only to tell developers what a line says. Keys are typed: a missing key or
 * a missing `{placeholder}` value fails the type-check.
 *
 * Tibetan is printed above Chinese, as on public notices in Tibet. Numbers, amounts and
 * names are printed once, outside these sentences, wherever a document allows it.
 */
export interface Word {
  bo: string;
  zh: string;
  en?: string;
}

export const WORDS = {
  // common
  seq: { bo: 'ཨང་རིམ།', zh: '序号', en: 'No.' },
  name: { bo: 'མིང་།', zh: '姓名', en: 'Name' },
  resident_id: { bo: 'ཐོབ་ཐང་ལག་ཁྱེར་ཨང་།', zh: '身份证号', en: 'Resident ID' },
  household_size: { bo: 'ཁྱིམ་མི་གྲངས།', zh: '家庭人口', en: 'Household size' },
  project: { bo: 'ཐོན་སྐྱེད་ལས་གཞི།', zh: '项目', en: 'Project' },
  amount: { bo: 'དངུལ་གྲངས།', zh: '金额', en: 'Amount' },
  amount_requested: { bo: 'ཞུ་བའི་དངུལ་གྲངས།', zh: '申请金额', en: 'Amount asked' },
  mothers_n: { bo: 'ཨ་མ་ {n}', zh: '{n} 人', en: '{n} mothers' },
  months_n: { bo: 'ཟླ་བ་ {n}', zh: '{n} 个月', en: '{n} months' },
  seal: { bo: 'ཐམ་ག', zh: '盖章', en: 'Seal' },
  sign_and_seal: { bo: 'མིང་རྟགས་དང་ཐམ་ག', zh: '签字盖章', en: 'Signature and seal' },
  sign_and_thumb: { bo: 'མིང་རྟགས་དང་མཛུབ་རྗེས།', zh: '签字、按手印', en: 'Signature and thumbprint' },
  clerk: { bo: 'ལས་བྱེད་པ།', zh: '经办人', en: 'Clerk' },
  agreement_no: { bo: 'གྲོས་མཐུན་གྱི་ཨང་།', zh: '协议编号', en: 'Agreement no.' },
  receipt_no: { bo: 'འཛིན་ཤོག་ཨང་།', zh: '收据编号', en: 'Receipt no.' },
  principal: { bo: 'བུ་ལོན་གྱི་དངུལ་གྲངས།', zh: '借款金额', en: 'Loan amount' },
  balance: { bo: 'ལྷག་མའི་བུ་ལོན།', zh: '借款余额', en: 'Balance' },
  written_off: { bo: 'རྩིས་མེད་བཏང་ཟིན།', zh: '已核销', en: 'Written off' },
  due_on: { bo: 'འཇལ་དགོས་པའི་ཚེས་གྲངས།', zh: '到期日', en: 'Due on' },
  paid_on: { bo: 'འཇལ་བའི་ཚེས་གྲངས།', zh: '还款日期', en: 'Paid on' },
  village: { bo: 'གྲོང་ཚོ།', zh: '村（居）', en: 'Village' },

  // project types (the kinds of shared/domain/schemas.ts ProjectType)
  pt_shop: { bo: 'ཚོང་ཁང་ཆུང་ཆུང་།', zh: '小商店', en: 'Shop' },
  pt_transport: { bo: 'སྐྱེལ་འདྲེན།', zh: '运输', en: 'Transport' },
  pt_livestock: { bo: 'ཕྱུགས་གསོ།', zh: '养殖', en: 'Livestock' },
  pt_farming: { bo: 'འདེབས་འཛུགས།', zh: '种植', en: 'Farming' },
  pt_handicraft: { bo: 'ལག་ཤེས་བཟོ་ལས།', zh: '手工', en: 'Handicraft' },
  pt_service: { bo: 'ཞབས་ཞུ།', zh: '服务', en: 'Service' },
  pt_other: { bo: 'གཞན།', zh: '其他', en: 'Other' },

  // offices and titles
  committee_generic: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་གྲ་སྒྲིག་ཨུ་ཡོན་ལྷན་ཁང་།', zh: '幸福工程组委会', en: 'Happiness Project organizing committee' },
  village_committee_cun: { bo: 'གྲོང་མི་ཨུ་ཡོན་ལྷན་ཁང་།', zh: '村民委员会', en: 'Village committee' },
  village_committee_juweihui: { bo: 'སྡོད་དམངས་ཨུ་ཡོན་ལྷན་ཁང་།', zh: '居民委员会', en: 'Residents’ committee' },
  title_xiang: { bo: 'ཤང་གི་འགོ་འཛིན།', zh: '乡长', en: 'Head of the township' },
  title_zhen: { bo: 'གྲོང་རྡལ་གྱི་འགོ་འཛིན།', zh: '镇长', en: 'Head of the town' },
  title_jiedao: { bo: 'ཁྲོམ་ལམ་དོན་གཅོད་ཁང་གི་འགོ་འཛིན།', zh: '街道办事处主任', en: 'Director of the sub-district office' },
  title_cun: { bo: 'གྲོང་མི་ཨུ་ཡོན་ལྷན་ཁང་གི་འགོ་འཛིན།', zh: '村委会主任', en: 'Chair of the village committee' },
  title_juweihui: { bo: 'སྡོད་དམངས་ཨུ་ཡོན་ལྷན་ཁང་གི་འགོ་འཛིན།', zh: '居委会主任', en: 'Chair of the residents’ committee' },

  // public notice (公示)
  notice_title: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་ཞུ་མཁན་གྱི་གསལ་བསྒྲགས།', zh: '幸福工程贷款申请人公示', en: 'Public notice of Happiness Project loan applicants' },
  notice_intro: {
    bo: 'གཤམ་གསལ་གྱི་ཨ་མ་རྣམས་ཀྱིས་རང་ཉིད་ནས་ཞུ་བ་ཕུལ། གྲོང་ཚོས་འོས་སྦྱོར་བྱས། ཤང་གིས་ཞིབ་བཤེར་བྱས་རྗེས་བདེ་སྐྱིད་ལས་གཞིའི་སྐྱེད་མེད་བུ་ལོན་ཞུ་ཡོད། མང་ཚོགས་ཀྱི་ལྟ་སྐུལ་དང་ལེན་ཆེད་གསལ་བསྒྲགས་བྱེད།',
    zh: '经本人申请、村（居）委会推荐、乡（镇、街道）审核，以下母亲申请幸福工程无息贷款，现予公示，接受群众监督。',
    en: 'On their own application, recommended by the village committee and checked by the township, the following mothers apply for interest-free Happiness Project loans; this public notice is for everyone to check.',
  },
  notice_posted_on: { bo: 'གསལ་བསྒྲགས་བྱས་པའི་ཚེས་གྲངས།', zh: '公示日期', en: 'Posted on' },
  notice_period: { bo: 'དགག་བརྗོད་ཞུ་ཆོག་པའི་དུས་ཡུན།', zh: '异议期', en: 'Period for objections' },
  notice_days_n: { bo: 'ཉིན་ {n}', zh: '共 {n} 天', en: '{n} days' },
  notice_place: { bo: 'སྦྱར་ས།', zh: '张贴地点', en: 'Posted at' },
  notice_where: { bo: 'དགག་བརྗོད་ཞུ་ས།', zh: '异议受理', en: 'Where to raise an objection' },
  notice_objections: {
    bo: 'གོང་གསལ་མི་སྣ་སུ་ལ་དགག་བརྗོད་ཡོད་ཀྱང་དུས་ཡུན་འདིའི་ནང་དུ་གྲོང་ཚོའམ་ཤང་ལ་ཞུ་ཆོག མིང་འགོད་མི་འགོད་རང་མོས་ཡིན། དགག་བརྗོད་རེ་རེ་བཞིན་ཞིབ་བཤེར་བྱེད་རྒྱུ་ཡིན་ལ། དེ་ཐག་མ་ཆོད་གོང་བུ་ལོན་མི་སྤྲོད།',
    zh: '对以上人员如有异议，请在异议期内向村（居）委会或乡（镇、街道）反映，可署名也可匿名。每条异议都将调查核实，处理前不予放款。',
    en: 'Anyone who objects to an applicant may tell the village committee or the township within the period, with or without their name. Every objection is looked into; no loan is paid out before it is resolved.',
  },
  notice_none: { bo: 'གསལ་བསྒྲགས་འདིར་ཞུ་མཁན་མེད།', zh: '本次公示没有申请人', en: 'No applicants in this posting' },

  // loan agreement (借款协议)
  ag_title: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་གྱི་གྲོས་མཐུན།', zh: '幸福工程借款协议书', en: 'Happiness Project loan agreement' },
  ag_parties: { bo: 'གྲོས་མཐུན་འཇོག་མཁན།', zh: '协议各方', en: 'Parties' },
  ag_party_committee: { bo: 'བུ་ལོན་གཏོང་མཁན།', zh: '出借方', en: 'Lender' },
  ag_party_district: { bo: 'དོ་དམ་པ།', zh: '管理方', en: 'Managing office' },
  ag_party_guarantor: { bo: 'འགན་ལེན་པ།', zh: '担保方', en: 'Guarantor' },
  ag_party_mother: { bo: 'བུ་ལོན་ལེན་མཁན།', zh: '借款人', en: 'Borrower' },
  ag_address: { bo: 'སྡོད་གནས།', zh: '住址', en: 'Address' },
  ag_preamble: {
    bo: 'བུ་ལོན་ལེན་མཁན་གྱིས་ཐོན་སྐྱེད་འཕེལ་རྒྱས་གཏོང་བ་དང་ལས་ཀ་བྱས་ནས་དབུལ་ཕོངས་ལས་ཐར་ཆེད། བདེ་སྐྱིད་ལས་གཞིའི་རོགས་དངུལ་ཉུང་ངུ་དང་། ཐད་ཀར་མི་ལ་སྤྲོད་པ། འཁོར་སྐྱོད་ཀྱིས་བཀོལ་སྤྱོད་བྱེད་པ། ལས་ཀས་དབུལ་ཐར་བྱེད་པའི་རྩ་དོན་ལྟར། ཕྱོགས་ཚང་མས་གྲོས་མཐུན་བྱས་ནས་གྲོས་མཐུན་འདི་འཇོག',
    zh: '为帮助借款人发展生产、劳动脱贫，按照幸福工程“小额资助、直接到人、滚动运作、劳动脱贫”的原则，经各方协商一致，订立本协议。',
    en: 'To help the borrower build a livelihood and work her way out of poverty, following the Happiness Project’s principles, the parties agree as follows.',
  },
  ag_terms: { bo: 'གྲོས་མཐུན་གྱི་དོན་ཚན།', zh: '协议条款', en: 'Terms' },
  ag_amount: { bo: 'བུ་ལོན་གྱི་དངུལ་གྲངས།', zh: '借款金额', en: 'Amount' },
  ag_term: { bo: 'བུ་ལོན་གྱི་དུས་ཡུན།', zh: '借款期限', en: 'Term' },
  ag_disbursed_on: { bo: 'བུ་ལོན་སྤྲོད་པའི་ཚེས་གྲངས།', zh: '放款日期', en: 'Paid out on' },
  ag_use: { bo: 'དངུལ་གྱི་བེད་སྤྱོད།', zh: '借款用途', en: 'Use of the money' },
  ag_use_rule: {
    bo: 'དངུལ་འདི་ལས་གཞི་འདིར་ཁོ་ན་བེད་སྤྱོད་བྱ་དགོས། དམིགས་ཡུལ་གཞན་ལ་བེད་སྤྱོད་བྱེད་མི་ཆོག',
    zh: '专款专用，不得挪作他用。',
    en: 'The money is for this project only.',
  },
  ag_interest: { bo: 'བུ་ལོན་འདིར་སྐྱེད་ཀ་མི་ལེན།', zh: '本借款不收利息。', en: 'The loan bears no interest.' },
  ag_repayment: {
    bo: 'བུ་ལོན་ལེན་མཁན་གྱིས་འཇལ་བའི་ཚེས་གྲངས་མ་སླེབས་གོང་ཐེངས་གཅིག་གམ་ཐེངས་མང་པོར་ཆ་ཚང་ཤང་ངམ་ཁྲོམ་ལམ་ལ་འཇལ་དགོས། ཐེངས་རེར་ཨང་ཅན་གྱི་འཛིན་ཤོག་ལེན་དགོས།',
    zh: '借款人应于到期日前一次或分次还清，交乡（镇、街道）经办人，每次取得编号收据。',
    en: 'The borrower repays in one or several payments by the due date to the township clerk, and gets a numbered receipt each time.',
  },
  ag_evaluation: {
    bo: 'བུ་ལོན་ལེན་མཁན་གྱིས་ལས་གཞིའི་ལས་ཁུངས་ཀྱིས་ཟླ་བ་དྲུག་རེར་དང་དུས་ཡུན་ཚང་སྐབས་ས་ཐོག་ཏུ་བྱེད་པའི་དཔྱད་བསྡུར་དང་ལེན་བྱས་ཏེ། ལས་གཞིའི་ཡར་ཐོན་དང་ཡོང་འབབ་དྲང་པོར་ཞུ་དགོས།',
    zh: '借款人接受项目办每半年及期满时的实地评估（谈、查、看、问），如实反映项目进展和收益。',
    en: 'The borrower accepts on-site evaluations every half year and at term end, and reports progress and income truthfully.',
  },
  ag_guarantee: {
    bo: 'འགན་ལེན་པས་བུ་ལོན་ལེན་མཁན་ལ་དུས་ཐོག་ཏུ་འཇལ་བར་སྐུལ་འདེད་བྱ་དགོས། དུས་ཡུན་ཚང་ཡང་འཇལ་མ་ཚར་ན། འགན་ལེན་པས་བུ་ལོན་གཏོང་མཁན་ལ་རོགས་རམ་བྱས་ཏེ་བུ་ལོན་ཕྱིར་བསྡུ་དགོས།',
    zh: '担保方负责督促借款人按期还款；借款人到期未还清的，担保方协助出借方追回欠款。',
    en: 'The guarantors see that the borrower repays on time and help the lender recover what is not repaid by the due date.',
  },
  ag_in_person: {
    bo: 'བུ་ལོན་ལེན་མཁན་རང་ཉིད་ཀྱིས་ཐོབ་ཐང་ལག་ཁྱེར་ཁྱེར་ནས་ངོ་ཐོག་ཏུ་ལེན་དགོས། མི་གཞན་གྱིས་ཚབ་ལེན་བྱེད་མི་ཆོག',
    zh: '借款由借款人本人持身份证当面领取，他人不得代领。',
    en: 'The borrower receives the money in person, showing her ID card; no one may collect it for her.',
  },
  ag_copies: {
    bo: 'གྲོས་མཐུན་འདི་ལ་འདྲ་བཤུས་ལྔ་ཡོད་པ་ཕྱོགས་རེར་རེ་ཉར། ཕྱོགས་ཚང་མས་མིང་རྟགས་དང་ཐམ་ག་བརྒྱབ་པའི་ཉིན་ནས་ནུས་པ་ཐོན།',
    zh: '本协议一式五份，各方各执一份，自各方签字盖章之日起生效。',
    en: 'Made in five copies, one for each party; in force from the day all parties sign and seal it.',
  },
  ag_signatures: { bo: 'མིང་རྟགས།', zh: '签署', en: 'Signatures' },

  // receipt (收据)
  rc_title: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་འཇལ་བའི་འཛིན་ཤོག', zh: '幸福工程还款收据', en: 'Happiness Project repayment receipt' },
  rc_counterfoil: { bo: 'ཤོག་རྩ། ལས་ཁུངས་སུ་ཉར་རྒྱུ།', zh: '存根 · 经办单位留存', en: 'Counterfoil, kept by the office' },
  rc_mother_copy: { bo: 'ཨ་མས་ཉར་རྒྱུ།', zh: '交款人收执', en: 'The mother’s copy' },
  rc_payer: { bo: 'དངུལ་སྤྲོད་མཁན།', zh: '交款人', en: 'Paid by' },
  rc_text: {
    bo: 'གོང་གསལ་དངུལ་སྤྲོད་མཁན་ནས་བདེ་སྐྱིད་ལས་གཞིའི་སྐྱེད་མེད་བུ་ལོན་འཇལ་བ་ལེན་ཟིན།',
    zh: '今收到上列交款人归还幸福工程无息借款。',
    en: 'Received from the payer above in repayment of a Happiness Project interest-free loan.',
  },
  rc_balance_after: { bo: 'འཇལ་རྗེས་ལྷག་མའི་བུ་ལོན།', zh: '本次还款后余额', en: 'Balance after this payment' },
  rc_received_by: { bo: 'དངུལ་ལེན་མཁན།', zh: '收款人', en: 'Received by' },
  rc_cut: { bo: 'ཐིག་འདིའི་ཐོག་ནས་གཅོད།', zh: '沿此线剪开', en: 'Cut along this line' },

  // repayment card (还款卡)
  card_title: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་འཇལ་བའི་ཤོག་བྱང་།', zh: '幸福工程还款卡', en: 'Happiness Project repayment card' },
  card_repayments: { bo: 'བུ་ལོན་འཇལ་བའི་ཟིན་ཐོ།', zh: '还款记录', en: 'Repayments' },
  card_keep: {
    bo: 'ཤོག་བྱང་འདི་ལེགས་པར་ཉར་ཚགས་བྱེད་རོགས། འཇལ་ཐེངས་རེར་ཁྱེར་ཡོང་ནས་ཐོ་འགོད་བྱེད་རོགས།',
    zh: '请妥善保管本卡，每次还款时带来登记。',
    en: 'Keep this card safe and bring it each time you repay.',
  },

  // collection list (收款清单)
  col_title: { bo: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་བསྡུ་ལེན་ཐོ།', zh: '幸福工程收款清单', en: 'Happiness Project collection list' },
  col_as_of: { bo: 'བསྡོམས་རྩིས་ཚེས་གྲངས།', zh: '统计日期', en: 'As of' },
  col_state: { bo: 'གནས་སྟངས།', zh: '状态', en: 'State' },
  col_due_this_month: { bo: 'ཟླ་འདིར་དུས་ཡུན་ཚང་བ།', zh: '本月到期', en: 'Due this month' },
  col_overdue: { bo: 'དུས་ཡོལ།', zh: '逾期', en: 'Overdue' },
  col_days_past_due: { bo: 'དུས་ཡོལ་ཉིན་གྲངས།', zh: '逾期天数', en: 'Days past due' },
  col_received: { bo: 'ལེན་པའི་དངུལ་གྲངས།', zh: '实收金额', en: 'Received' },
  col_signature: { bo: 'རང་ཉིད་ཀྱི་མིང་རྟགས།', zh: '本人签字', en: 'Her signature' },
  col_village_total: { bo: 'གྲོང་ཚོའི་བསྡོམས།', zh: '本村合计', en: 'Village total' },
  col_grand_total: { bo: 'ཁྱོན་བསྡོམས།', zh: '全乡合计', en: 'Township total' },
  col_to_collect: { bo: 'བསྡུ་དགོས་པའི་བསྡོམས།', zh: '应收合计', en: 'To collect' },
  col_collector: { bo: 'བསྡུ་ལེན་པ།', zh: '收款人', en: 'Collected by' },
  col_checker: { bo: 'ཞིབ་བཤེར་པ།', zh: '复核人', en: 'Checked by' },
  col_none: { bo: 'དུས་ཡུན་ཚང་བའམ་དུས་ཡོལ་བའི་བུ་ལོན་མེད།', zh: '没有本月到期或逾期的借款', en: 'Nothing due this month or overdue' },
  col_totals_differ: {
    bo: 'དོ་སྣང་། གྲོང་ཚོའི་བསྡོམས་འདི་མ་ལག་གི་བསྡོམས་དང་མི་མཐུན། ཞིབ་བཤེར་བྱེད་རོགས།',
    zh: '注意：本村合计与系统汇总不一致，请核对。',
    en: 'Note: this village total differs from the system’s; check it.',
  },
  col_loans_n: { bo: 'བུ་ལོན་ {n}', zh: '{n} 笔', en: '{n} loans' },

  // the mother's consent to the processing of her personal information (PIPL arts. 14, 17, 29, 44–47).
  // The Tibetan of this form is a draft: to be checked by a native reader before it is printed for use.
  cs_title: { bo: 'མི་སྒེར་གྱི་ཆ་འཕྲིན་བེད་སྤྱོད་ལ་མོས་མཐུན་ཡི་གེ', zh: '个人信息处理同意书', en: 'Consent to the processing of personal information' },
  cs_subtitle: { bo: 'བདེ་སྐྱིད་ལས་གཞི། དབུལ་ཕོངས་ཨ་མར་རོགས་རམ།', zh: '幸福工程 · 救助贫困母亲行动', en: 'Happiness Project · help for poor mothers' },
  cs_what: {
    bo: 'བདེ་སྐྱིད་ལས་གཞིའི་སྐྱེད་མེད་བུ་ལོན་ཞུ་བ་དང་དོ་དམ་བྱེད་ཆེད། ལས་གཞིའི་གཞུང་ལས་ཁང་གིས་ཁྱེད་ཀྱི་མི་སྒེར་ཆ་འཕྲིན་འདི་དག་བསྡུ་ལེན་དང་བེད་སྤྱོད་བྱེད་དགོས། མིང་། ཐོབ་ཐང་ལག་ཁྱེར་ཨང་། ཁ་པར། ཁྱིམ་མི་གྲངས་དང་ཡོང་འབབ། གྲོང་ཚོ། དབུལ་ཐར་ལས་གཞིའི་འཆར་གཞི། བུ་ལོན་དང་འཇལ་བའི་ཟིན་ཐོ། དེའི་ནང་ཐོབ་ཐང་ལག་ཁྱེར་ཨང་ནི་གལ་ཆེའི་མི་སྒེར་ཆ་འཕྲིན་ཡིན།',
    zh: '为办理和管理幸福工程无息借款，项目办需要收集和使用您的以下个人信息：姓名、身份证号码、联系电话、家庭人口和收入、所在村、脱贫项目计划，以及借款和还款记录。其中身份证号码属于敏感个人信息。',
  },
  cs_why: {
    bo: 'བེད་སྤྱོད། རེ་ཞུ་ཞིབ་བཤེར། གསལ་བསྒྲགས། ཁྱིམ་བཅར། བུ་ལོན་གྲོས་མཐུན། བུ་ལོན་སྤྲོད་ལེན། ལས་གཞིའི་དཔྱད་བསྡུར་དང་སྡོམ་རྩིས། གསལ་བསྒྲགས་ནང་མིང་། གྲོང་ཚོ། ལས་གཞི་དང་ཞུ་བའི་དངུལ་གྲངས་ཁོ་ན་འགོད། ཐོབ་ཐང་ལག་ཁྱེར་ཨང་གསལ་བསྒྲགས་མི་བྱེད།',
    zh: '用途：审核申请、公示、入户走访、签订借款协议、发放和回收借款、项目评估和统计。公示只公布姓名、村、项目和申请金额，不公布身份证号码。',
  },
  cs_who: {
    bo: 'སུས་མཐོང་ཐུབ། ཁྱེད་ཀྱི་རེ་ཞུ་ལག་བསྟར་བྱེད་པའི་ཤང་དང་ཆུས་ཀྱི་ལས་གཞིའི་ལས་ཁང་གི་ལས་བྱེད་པས་ཆ་འཕྲིན་ཆ་ཚང་མཐོང་ཐུབ། ཨུ་ཡོན་ལྷན་ཁང་དང་དཔྱད་བསྡུར་པས་མཐོང་བའི་ཐོབ་ཐང་ལག་ཁྱེར་ཨང་སྦས་ཡོད། ཨང་ཆ་ཚང་ལྟ་དགོས་ན་རྒྱུ་མཚན་བཤད་ནས་ཟིན་ཐོ་འགོད་དགོས། ལས་གཞི་དང་འབྲེལ་བ་མེད་པའི་ལས་ཁུངས་དང་མི་སྒེར་ལ་མི་སྤྲོད།',
    zh: '谁能看到：经办您申请的乡（镇、街道）和区项目办工作人员能看到完整信息；组委会和评估人员看到的身份证号码是遮盖的，查看完整号码须说明理由并留下记录。您的信息不提供给与本项目无关的单位和个人。',
  },
  cs_keep: {
    bo: 'ཉར་ཚགས་དུས་ཚོད། བུ་ལོན་འཇལ་ཚར་བའམ་རྩིས་མེད་བཏང་རྗེས། རྒྱལ་ཁབ་ཀྱི་རྩིས་ཐོ་ཡིག་ཚགས་ཉར་ཚགས་ཀྱི་སྒྲིག་གཞི་ལྟར་ཉར་ཚགས་བྱེད། དུས་ཚོད་རྫོགས་རྗེས་བསུབ་པའམ་མིང་མེད་དུ་བཟོ།',
    zh: '保存期限：借款还清或核销后，按国家会计档案保管规定的期限保存，期满后删除或作匿名化处理。',
  },
  cs_rights: {
    bo: 'ཁྱེད་ཀྱི་ཐོབ་ཐང་། ཁྱེད་ཀྱིས་རང་གི་ཆ་འཕྲིན་ལ་ལྟ་བ། འདྲ་བཤུས། བཅོས་སྒྲིག་བྱེད་ཆོག མོས་མཐུན་ཕྱིར་འཐེན་ཡང་བྱེད་ཆོག ཕྱིར་འཐེན་གྱིས་སྔོན་ལ་བྱས་ཟིན་པའི་ལས་དོན་ལ་ཤུགས་རྐྱེན་མི་ཐེབས། འོན་ཀྱང་ཆོག་མཆན་མ་ཐོབ་པའི་རེ་ཞུ་མུ་མཐུད་ལག་བསྟར་བྱེད་མི་ཐུབ། འབྲེལ་གཏུག ཤང་ངམ་ཆུས་ཀྱི་ལས་གཞིའི་ལས་ཁང་།',
    zh: '您的权利：您可以查阅、复制、更正您的信息，也可以撤回同意；撤回不影响撤回前已进行的处理，但尚未批准的申请将不能继续办理。联系：乡（镇、街道）或区项目办。',
  },
  cs_agree: {
    bo: 'ལས་བྱེད་པས་ངས་གོ་བའི་སྐད་ཡིག་ཐོག་གོང་གི་དོན་དག་འགྲེལ་བཤད་བྱས་ཟིན། ངས་གོང་གི་ཆ་འཕྲིན་བེད་སྤྱོད་ལ་མོས་མཐུན་ཡོད།',
    zh: '工作人员已用我听得懂的语言向我说明了以上内容，我同意按上述方式处理我的个人信息。',
  },
  cs_mother: { bo: 'ཞུ་མཁན་ཨ་མ།', zh: '本人（申请人）', en: 'The mother' },
  cs_taker: { bo: 'གོ་བརྡ་སྤྲོད་མཁན་ལས་བྱེད་པ།', zh: '告知人（工作人员）', en: 'Staff member who explained it' },
  cs_sign_staff: { bo: 'མིང་རྟགས།', zh: '签字', en: 'Signature' },
} as const satisfies Record<string, Word>;

export type WordKey = keyof typeof WORDS;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The `{placeholders}` a word needs filled, in either language. */
export type ParamsOf<K extends WordKey> = Placeholders<(typeof WORDS)[K]['zh']> | Placeholders<(typeof WORDS)[K]['bo']>;
type ArgsOf<K extends WordKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

/** A word in both languages with its placeholders filled: `say('months_n', { n: 24 })`. */
export function say<K extends WordKey>(key: K, ...args: ArgsOf<K>): { bo: string; zh: string } {
  const w: Word = WORDS[key];
  const params: Record<string, string | number> = args[0] ?? {};
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
  return { bo: fill(w.bo), zh: fill(w.zh) };
}
