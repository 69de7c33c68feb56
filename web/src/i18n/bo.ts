/**
 * Tibetan (བོད་ཡིག). Field staff and villagers read it: sign-in, the shared words, the field
 * pages and the form messages are required here (a missing one fails the type-check); other
 * pages fall back to Chinese until they are translated. To be reviewed by a native reader.
 */
import type { MessageKey } from './zh-CN.ts';
import { boProgramme } from './bo.programme.ts';

/** Keys every Tibetan screen a villager or field officer sees must have. */
export type TibetanRequired = Extract<
  MessageKey,
  | `f_${string}`
  | `entry_${string}`
  | `kind_${string}`
  | `method_${string}`
  | `status_${string}`
  | `role_${string}`
  | `nav_${string}`
  | `v_${string}`
  | `dialog_${string}`
  | `d_ag_${string}`
  | `d_pt_${string}`
  | PrintKey
  | 'app_title'
  | 'app_motto'
  | 'sign_in'
  | 'sign_out'
  | 'choose_user'
  | 'username'
  | 'password'
  | 'loading'
  | 'empty'
  | 'retry'
  | 'cancel'
  | 'confirm'
  | 'save'
  | 'submit'
  | 'back'
  | 'print'
  | 'more'
  | 'language'
  | 'main_menu'
  | 'network_unreachable'
>;

/** The other words of the printed notice and agreement (what villagers read and sign). */
type PrintKey =
  | 'd_amount_requested'
  | 'd_back_to_loan'
  | 'd_back_to_queue'
  | 'd_date_blank'
  | 'd_household_size_short'
  | 'd_mother_name'
  | 'd_notice_doc_intro'
  | 'd_notice_doc_title'
  | 'd_notice_needs_round_village'
  | 'd_notice_no_applicants'
  | 'd_notice_objections'
  | 'd_notice_objections_text'
  | 'd_notice_period'
  | 'd_notice_period_blank'
  | 'd_notice_period_dates'
  | 'd_notice_posted_at'
  | 'd_notice_total'
  | 'd_project'
  | 'd_resident_id'
  | 'd_seal'
  | 'd_seq';

export const bo: Record<TibetanRequired, string> & Partial<Record<MessageKey, string>> = {
  ...boProgramme,
  app_title: 'བདེ་སྐྱིད་ལས་གཞི། · བུ་ལོན་དོ་དམ།',
  app_motto: 'མ་དངུལ་ཆུང་ངུ། · ཐད་ཀར་མི་ལ་སྤྲོད། · འཁོར་སྐྱོད་བཀོལ་སྤྱོད། · ལས་ཀས་དབུལ་ཐར།',
  sign_in: 'ནང་འཛུལ།',
  sign_out: 'ཕྱིར་ཐོན།',
  choose_user: 'དཔེ་སྟོན་སྤྱོད་མཁན་འདེམས།',
  username: 'སྤྱོད་མཁན་གྱི་མིང་།',
  password: 'གསང་ཨང་།',
  loading: 'ཕབ་ལེན་བྱེད་བཞིན་པ།…',
  empty: 'ད་ལྟ་ཟིན་ཐོ་མེད།',
  retry: 'ཡང་བསྐྱར་ཚོད་ལྟ།',
  cancel: 'རྩིས་མེད།',
  confirm: 'གཏན་འཁེལ།',
  save: 'ཉར་ཚགས།',
  submit: 'འབུལ་བ།',
  back: 'ཕྱིར་ལོག',
  print: 'པར་འདེབས།',
  more: 'དེ་བས་མང་བ།',
  language: 'སྐད་ཡིག',
  main_menu: 'གཙོ་བོའི་ཐོ།',
  network_unreachable: 'དྲ་རྒྱ་མཐུད་མི་ཐུབ། ཅུང་ཙམ་རྗེས་སུ་ཡང་བསྐྱར་ཚོད་ལྟ་གནང་།',
  role_committee: 'སྒྲིག་འཛུགས་ཨུ་ཡོན་ལྷན་ཁང་།',
  role_district: 'ཆུས་ལས་གཞིའི་ལས་ཁང་།',
  role_township: 'ཤང་（ཁྲོམ་གཞུང་）',
  role_field: 'ལས་གཞིའི་ལས་བྱེད་པ།',
  nav_applications: 'ཞུ་ཡིག',
  nav_loans: 'བུ་ལོན།',
  nav_ceremony: 'མཉམ་སྤྲོད།',
  nav_my_work: 'ངའི་ལས་འགན།',
  nav_dashboard: 'སྤྱི་ཁྱབ།',
  nav_ledger: 'རྩིས་ཁྲ་ནང་འདྲེན།',
  // for native review: "import applications"
  nav_import: 'རེ་ཞུ་ནང་འདྲེན།',
  // 催收 (collecting repayments): uncertain, for a native reader's review
  nav_collection: 'བུ་ལོན་སྡུད་ལེན།',
  // remittance (上缴) and its reconciliation (上缴对账), after the server's CSV words: for native review
  nav_remittances: 'རྩིས་སྤྲོད།',
  nav_reconciliation: 'རྩིས་སྤྲོད་ཞིབ་བཤེར།',
  nav_staff: 'ལས་བྱེད་པ།',
  // to be reviewed by a native reader: 'round' (of lending) as the history entries already say it
  nav_rounds: 'སྐོར་རིམ།',
  // 异常情况 (the exceptions report): for a native reader's review
  nav_exceptions: 'རྒྱུན་ལྡན་མིན་པའི་གནས་ཚུལ།',
  status_submitted: 'ཆོག་མཆན་སྒུག་བཞིན།',
  status_approved: 'ཆོག་མཆན་ཐོབ།',
  status_rejected: 'ཆོག་མཆན་མ་ཐོབ།',
  status_active: 'རྒྱུན་ལྡན།',
  status_overdue: 'དུས་ཡོལ།',
  status_repaid: 'ཚང་མ་སླར་སྤྲད།',
  status_written_off: 'རྩིས་བསུབས།',
  v_required: 'འདི་འབྲི་དགོས།',
  v_too_long: 'ཡི་གེ་ {n} ལས་མང་བ་མི་ཆོག',
  v_too_short: 'ཉུང་མཐར་ཡི་གེ་ {n} དགོས།',
  v_amount: 'སྒོར་གྱི་གྲངས་འབྲི་རོགས། (ཚེག་རྗེས་གྲངས་ཀ་གཉིས་ལས་མང་བ་མི་ཆོག)',
  v_amount_min: 'ཉུང་མཐར་ {a} དགོས།',
  v_amount_max: 'མང་མཐར་ {a} ལས་མི་ཆོག',
  v_number_min: 'ཉུང་མཐར་ {n} དགོས།',
  v_number_max: 'མང་མཐར་ {n} ལས་མི་ཆོག',
  v_date: 'ཚེས་གྲངས་ནོར་འདུག',
  v_choose: 'གདམ་ག་ཞིག་བྱེད་རོགས།',
  v_choose_some: 'ཉུང་མཐར་གཅིག་འདེམས་རོགས།',
  v_invalid: 'འདི་ནོར་འདུག',
  v_resident_id: 'ཐོབ་ཐང་ལག་ཁྱེར་གྱི་ཨང་གྲངས་ནོར་འདུག',
  v_fix_errors: 'མཚོན་རྟགས་བཀོད་པའི་ནང་དོན་བཅོས་རོགས།',
  // the printed public notice and loan agreement
  d_ag_address: 'སྡོད་གནས། {township}{village}',
  d_ag_amount: 'བུ་ལོན་གྱི་གྲངས་འབོར། མི་དམངས་ཤོག་དངུལ།（ཆེན་ཡིག）{capitals}（ཆུང་ཡིག {figures}）།',
  d_ag_borrower: 'ཕྱོགས་གཉིས་པ།（བུ་ལོན་ལེན་མཁན།）',
  d_ag_clause: 'དོན་ཚན་ {n} པ།',
  d_ag_copies: 'གྲོས་མཐུན་འདི་ལ་འདྲ་བཤུས་གསུམ་ཡོད། ཕྱོགས་དང་པོ་དང་། གཉིས་པ། གསུམ་པ་བཅས་ལ་རེ་རེ་ཉར། ཕྱོགས་གསུམ་གྱིས་མིང་རྟགས་བཀོད་པའི་ཉིན་ནས་ནུས་པ་ཐོན།',
  d_ag_date: 'ཚེས་གྲངས།',
  d_ag_evaluation: 'ཕྱོགས་གཉིས་པས་བུ་ལོན་སྤྲད་རྗེས་ཟླ་བ་ {months} པ་དང་དུས་ཚོད་ཚང་དུས་ལས་གཞིའི་ལས་བྱེད་པའི་དཔྱད་བསྡུར（གླེང་། ཞིབ། ལྟ། དྲི།）ལ་ངོས་ལེན་བྱས་ཏེ། ལས་གཞིའི་ཡར་ཐོན་དང་ཁེ་ཕན་དངོས་གནས་ལྟར་སྙན་སེང་ཞུ་དགོས།',
  d_ag_guarantee: 'ཕྱོགས་གསུམ་པས་ཕྱོགས་གཉིས་པར་དུས་ཐོག་བུ་ལོན་སླར་སྤྲོད་པར་སྐུལ་འདེད་བྱེད་པའི་འགན་འཁུར། དུས་ཚོད་ཚང་ཡང་ཕྱོགས་གཉིས་པས་ཆ་ཚང་སླར་མ་སྤྲད་ན། ཕྱོགས་གསུམ་པས་ཕྱོགས་དང་པོར་བུ་ལོན་ཕྱིར་བསྡུ་བར་རོགས་རམ་བྱེད།',
  d_ag_guarantor_township: '{name}（{township}གི་འགོ་འཛིན།）',
  d_ag_guarantor_village: '{name}（{village}གྲོང་ཚོའི་འགོ་འཛིན།）',
  d_ag_guarantors: 'ཕྱོགས་གསུམ་པ།（འགན་ལེན་མཁན།）',
  d_ag_in_person: 'བུ་ལོན་ཕྱོགས་གཉིས་པ་རང་ཉིད་ཀྱིས་ཐོབ་ཐང་ལག་ཁྱེར་ཁྱེར་ནས་ཐད་ཀར་ལེན་དགོས། མི་གཞན་གྱིས་ཚབ་ལེན་མི་ཆོག',
  d_ag_interest: 'བུ་ལོན་འདི་ལ་སྐྱེད་ཀ་མི་ལེན། ཕྱོགས་གཉིས་པས་དུས་ཚོད་མ་ཚང་གོང་ཐེངས་གཅིག་གམ་ཐེངས་ཁ་ཤས་ལ་ཆ་ཚང་སླར་སྤྲད་དེ། {township}གི་ལས་བྱེད་པར་སྤྲད་ནས་འཛིན་ཤོག་ལེན་དགོས།',
  d_ag_lender: 'ཕྱོགས་དང་པོ།（བུ་ལོན་གཏོང་མཁན།）',
  d_ag_lender_name: 'བདེ་སྐྱིད་ལས་གཞི། {district}',
  d_ag_n1: '༡',
  d_ag_n2: '༢',
  d_ag_n3: '༣',
  d_ag_n4: '༤',
  d_ag_n5: '༥',
  d_ag_n6: '༦',
  d_ag_n7: '༧',
  d_ag_n8: '༨',
  d_ag_number: 'གྲོས་མཐུན་ཨང་གྲངས།',
  d_ag_preamble:
    'ཕྱོགས་གཉིས་པས་ཐོན་སྐྱེད་གོང་འཕེལ་དང་ལས་ཀས་དབུལ་ཐར་བྱེད་པར་རོགས་རམ་ཆེད། བདེ་སྐྱིད་ལས་གཞིའི་「མ་དངུལ་ཆུང་ངུ། ཐད་ཀར་མི་ལ་སྤྲོད། འཁོར་སྐྱོད་བཀོལ་སྤྱོད། ལས་ཀས་དབུལ་ཐར།」ཞེས་པའི་རྩ་དོན་ལྟར། ཕྱོགས་གསུམ་གྲོས་མོལ་མཐུན་པོ་བྱས་ནས་གྲོས་མཐུན་འདི་བཟོས།',
  d_ag_sign_borrower: 'ཕྱོགས་གཉིས་པ།（མིང་རྟགས་དང་མཛུབ་རྗེས།）',
  d_ag_sign_guarantor_township: 'ཕྱོགས་གསུམ་པ། ཤང་（གྲོང་རྡལ）འགོ་འཛིན།（མིང་རྟགས།）',
  d_ag_sign_guarantor_village: 'ཕྱོགས་གསུམ་པ། གྲོང་ཚོའི་འགོ་འཛིན།（མིང་རྟགས།）',
  d_ag_sign_lender: 'ཕྱོགས་དང་པོ།（ཐམ་ག）ལས་དོན་འགན་འཁུར་བ།',
  d_ag_term: 'བུ་ལོན་གྱི་དུས་ཚོད། ཟླ་བ་ {n}། བུ་ལོན་སྤྲད་པའི་ཉིན་ནས་རྩིས།',
  d_ag_term_dates: 'བུ་ལོན་གྱི་དུས་ཚོད། ཟླ་བ་ {n}། {from} ནས་ {to} བར།',
  d_ag_title: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་གྲོས་མཐུན་ཡིག་ཆ།',
  d_ag_use: 'བུ་ལོན་གྱི་སྤྱོད་ཐབས། {project}། ཆེད་དམིགས་ལས་གཞན་དུ་བཀོལ་མི་ཆོག',
  d_amount_requested: 'ཞུ་བའི་དངུལ་གྲངས།',
  d_back_to_loan: 'བུ་ལོན་ལ་ཕྱིར་ལོག',
  d_back_to_queue: 'ཞུ་ཡིག་གི་ཐོ་ལ་ཕྱིར་ལོག',
  d_date_blank: '____ལོ __ཟླ __ཚེས',
  d_household_size_short: 'མི་གྲངས།',
  d_mother_name: 'མིང་།',
  d_notice_doc_intro:
    'རང་ཉིད་ཀྱིས་ཞུ་བ་ཕུལ། གྲོང་ཚོ་ཨུ་ཡོན་ལྷན་ཁང་གིས་འོས་སྦྱོར་བྱས། ཤང་（གྲོང་རྡལ）གིས་ཞིབ་བཤེར་བྱས་ཏེ། {village}གི་གཤམ་གསལ་ཨ་མ་ {n} གིས་བདེ་སྐྱིད་ལས་གཞིའི་སྐྱེད་མེད་བུ་ལོན་ཞུས་ཡོད་པས། ད་ལྟ་ཁྱབ་བསྒྲགས་བྱས་ནས་མང་ཚོགས་ཀྱི་ལྟ་རྟོག་ལ་ངོས་ལེན་བྱེད།',
  d_notice_doc_title: 'བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན་ཞུ་མཁན་གྱི་ཁྱབ་བསྒྲགས།',
  d_notice_needs_round_village: 'ཞུ་ཡིག་གི་ཐོ་ནས་སྐོར་དང་གྲོང་ཚོ་འདེམས་རོགས།',
  d_notice_no_applicants: 'སྐོར་འདིར་གྲོང་ཚོ་འདིའི་ཞུ་ཡིག་མེད།',
  d_notice_objections: 'དགག་བརྗོད།',
  d_notice_objections_text:
    'གོང་གསལ་མི་སྣ་ལ་དགག་བརྗོད་ཡོད་ན། ཁྱབ་བསྒྲགས་དུས་ཡུན་ནང་ {village}གྲོང་ཚོ་ཨུ་ཡོན་ལྷན་ཁང་ངམ། {township}། ཡང་ན་ {district} ལ་སྙན་སེང་ཞུ་རོགས། མིང་འགོད་ཀྱང་ཆོག་མི་འགོད་ཀྱང་ཆོག ང་ཚོས་རེ་རེ་བཞིན་ཞིབ་བཤེར་བྱེད་ངེས་ཤིང་། དགག་བརྗོད་ཐག་མ་ཆོད་གོང་བུ་ལོན་མི་སྤྲོད།',
  d_notice_period: 'ཁྱབ་བསྒྲགས་དུས་ཡུན།',
  d_notice_period_blank: 'སྦྱར་བའི་ཉིན་ནས་ཉིན་ {n}། ____ལོ __ཟླ __ཚེས ནས་ ____ལོ __ཟླ __ཚེས བར།',
  d_notice_period_dates: '{from} ནས་ {to} བར།',
  d_notice_posted_at: 'སྦྱར་ས། {place}།',
  d_notice_total: 'ཁྱོན་མི་ {n}',
  d_project: 'ལས་གཞི།',
  d_resident_id: 'ཐོབ་ཐང་ལག་ཁྱེར་ཨང་།',
  d_seal: '（ཐམ་ག）',
  d_seq: 'ཨང་རིམ།',
  d_pt_shop: 'ཚོང་ཁང་།',
  d_pt_transport: 'འདྲེན་སྐྱེལ།',
  d_pt_livestock: 'ཕྱུགས་གསོ།',
  d_pt_farming: 'ཞིང་ལས།',
  d_pt_handicraft: 'ལག་ཤེས།',
  d_pt_service: 'ཞབས་ཞུ།',
  d_pt_other: 'གཞན་དག',
  f_my_work: 'ངའི་ལས་འགན།',
  f_evals_due: 'དཔྱད་བསྡུར་བྱ་དགོས་པ།',
  f_evals_due_hint: 'ཉིན་ 30 ནང་དུས་ཚོད་ཐིམ་རྒྱུ་དང་དུས་ཡོལ་ཟིན་པའི་དཔྱད་བསྡུར།',
  f_evals_mine_none: 'ཉེ་ཆར་ཁྱེད་ཀྱིས་དཔྱད་བསྡུར་བྱ་དགོས་པའི་བུ་ལོན་མེད།',
  f_evals_others: 'ཆུས་འདིའི་ལས་བྱེད་གཞན་གྱི་དཔྱད་བསྡུར། ({n})',
  f_visits_due: 'ཁྱིམ་བཅར་བྱ་དགོས་པ།',
  f_visits_due_hint: 'སྒོ་ཕྱེ་བའི་སྐོར་ནང་ཆོག་མཆན་སྒུག་བཞིན་པ་དང་ཁྱིམ་བཅར་ཐེངས་གཉིས་མ་ཚང་བའི་ཞུ་ཡིག',
  f_visits_none: 'ཁྱིམ་བཅར་བྱ་དགོས་པའི་ཞུ་ཡིག་མེད།',
  f_visits_count: 'ཁྱིམ་བཅར་ {n}/2 ཐེངས།',
  f_log_visit: 'ཁྱིམ་བཅར་ཐོ་འགོད།',
  f_evaluate: 'དཔྱད་བསྡུར་འབྲི།',
  f_due_on: '{d} ནང་བྱ་དགོས།',
  f_overdue: 'དུས་ཡོལ་ཟིན།',
  f_due_soon: 'དུས་ཚོད་ཉེ།',
  f_officer: 'ལས་བྱེད་པ།',
  f_unassigned: '(གཏན་འཁེལ་མེད།)',
  f_cached_at: 'དྲ་རྒྱ་མེད། {t} ལ་ཉར་བའི་ཡིག་ཆ་སྟོན།',
  f_requested: 'ཞུ་བ། {a}',
  f_more: 'ད་དུང་ {n} ཡོད།',
  f_show_all: 'ཚང་མ་སྟོན།',
  f_outbox: 'ཁ་པར་ནང་གཏོང་རྒྱུའི་ཟིན་ཐོ།',
  f_outbox_hint: 'ཟིན་ཐོ་སྔོན་ལ་ཁ་པར་ནང་ཉར། དྲ་རྒྱ་ཡོད་དུས་རང་འགུལ་གྱིས་གཏོང་། ཐེངས་གཅིག་ལས་ཐོ་འགོད་མི་བྱེད།',
  f_outbox_empty: 'གཏོང་རྒྱུའི་ཟིན་ཐོ་མེད།',
  f_pending_count: 'གཏོང་རྒྱུ་ {n}',
  entry_pending: 'གཏོང་རྒྱུ།',
  entry_sending: 'གཏོང་བཞིན་པ།…',
  entry_sent: 'བཏང་ཟིན།',
  entry_failed: 'གཏོང་མ་ཐུབ།',
  f_send_now: 'ད་ལྟ་གཏོང་།',
  f_resend: 'ཡང་བསྐྱར་གཏོང་།',
  f_edit: 'བཅོས་རྗེས་ཡང་བསྐྱར་གཏོང་།',
  f_discard: 'བསུབ།',
  f_discard_title: 'ཟིན་ཐོ་འདི་བསུབ་བམ།',
  f_discard_pending: 'ཟིན་ཐོ་འདི་སླེབས་མིན་ད་དུང་གཏན་འཁེལ་མེད། སྔོན་ལ་བཏང་བ་སླེབས་ཡོད་ན་ཞབས་ཞུའི་འཕྲུལ་ཆས་སྟེང་ཉར་ངེས། བསུབ་རྗེས་ཁ་པར་འདིས་ཡང་བསྐྱར་མི་གཏོང་།',
  f_discard_failed: 'ཞབས་ཞུའི་འཕྲུལ་ཆས་ཀྱིས་ཟིན་ཐོ་འདི་ཐོ་འགོད་བྱས་མེད། བསུབ་རྗེས་སླར་གསོ་བྱེད་མི་ཐུབ།',
  f_saved_at: '{t} ལ་ཉར།',
  f_sent_at: '{t} ལ་བཏང་།',
  f_attempts: 'ཚོད་ལྟ་ {n} ཐེངས།',
  f_kind_visit: 'ཁྱིམ་བཅར།',
  f_offline_banner: 'ད་ལྟ་དྲ་རྒྱ་མེད། ཟིན་ཐོ་ཁ་པར་ནང་ཉར་ནས་དྲ་རྒྱ་ཡོང་དུས་རང་འགུལ་གྱིས་གཏོང་།',
  f_eval_title: 'བུ་ལོན་རྗེས་ཀྱི་དཔྱད་བསྡུར།',
  f_kind: 'དཔྱད་བསྡུར་གྱི་རིགས།',
  kind_midterm: 'བར་མའི་དཔྱད་བསྡུར།',
  kind_yearend: 'ལོ་མཇུག་གི་དཔྱད་བསྡུར།',
  kind_final: 'མཐའ་མའི་དཔྱད་བསྡུར།',
  f_evaluated_on: 'དཔྱད་བསྡུར་གྱི་ཚེས་གྲངས།',
  f_fund_use: 'མ་དངུལ་བཀོལ་སྤྱོད་གནས་ཚུལ།',
  f_progress: 'ལས་གཞིའི་ཡར་ཐོན།',
  f_operating_state: 'ཚོང་ལས་གནས་ཚུལ།',
  f_income_to_date: 'ད་བར་གྱི་ཡོང་འབབ། (སྒོར)',
  f_forecast: 'ལོ་གཅིག་གི་ཡོང་འབབ་སྔོན་དཔག (སྒོར)',
  f_problems: 'དཀའ་ངལ། (མ་བྲིས་ཀྱང་ཆོག)',
  f_actions: 'སྐུལ་འདེད་ཐབས་ལམ། (མ་བྲིས་ཀྱང་ཆོག)',
  f_methods: 'དཔྱད་བསྡུར་གྱི་ཐབས་ལམ།',
  method_talk: 'གླེང་།',
  method_check: 'ཞིབ།',
  method_look: 'ལྟ།',
  method_ask: 'དྲི།',
  method_talk_hint: 'ཨ་མ་དང་ཐད་ཀར་གླེང་མོལ།',
  method_check_hint: 'རྩིས་ཐོ་དང་ལག་ཁྱེར་ཞིབ་བཤེར།',
  method_look_hint: 'ལས་གཞིའི་ས་ཆར་ལྟ་སྐོར།',
  method_ask_hint: 'ཁྱིམ་མཚེས་དང་གྲོང་ཚོའི་ལས་བྱེད་ལ་དྲི་བ།',
  f_left_poverty: 'དབུལ་ཐར་བྱུང་མིན།',
  f_yes: 'ཡིན།',
  f_no: 'མིན།',
  f_save_send: 'ཉར་ནས་གཏོང་།',
  f_save_offline: 'ཁ་པར་ནང་ཉར། (དྲ་རྒྱ་ཡོང་རྗེས་གཏོང་)',
  f_yuan_hint: 'སྒོར་གྱི་གྲངས། དཔེར་ན། 3000 ཡང་ན་ 3000.50',
  f_loan_unavailable: 'དྲ་རྒྱ་མེད་པས་བུ་ལོན་འདིའི་ཡིག་ཆ་ཀློག་མི་ཐུབ། དཔྱད་བསྡུར་འབྲི་ཆོག',
  f_loan_cached: 'དྲ་རྒྱ་མེད། {t} ལ་ཉར་བའི་བུ་ལོན་ཡིག་ཆ་སྟོན།',
  f_principal: 'བུ་ལོན་གྱི་གྲངས།',
  f_balance: 'ལྷག་མ།',
  f_disbursed_on: 'བུ་ལོན་སྤྲད་པའི་ཚེས།',
  f_loan_due: 'དུས་ཚོད་ཐིམ་པའི་ཚེས།',
  f_schedule: 'དཔྱད་བསྡུར་གྱི་འཆར་གཞི།',
  f_done: 'ལེགས་གྲུབ།',
  f_recorded_here: 'ཁ་པར་འདིར་ཐོ་བཀོད་ཟིན།',
  f_entry_saved_note: 'ཁ་པར་ནང་ཉར་ཟིན། དྲ་རྒྱ་ཡོད་དུས་རང་འགུལ་གྱིས་གཏོང་། ཡང་བསྐྱར་འབྲི་མི་དགོས།',
  f_entry_sent_note: 'བཏང་ཟིན། ཞབས་ཞུའི་འཕྲུལ་ཆས་ཀྱིས་དཔྱད་བསྡུར་འདི་ཐོ་འགོད་བྱས་ཟིན།',
  f_entry_failed_note: 'ཞབས་ཞུའི་འཕྲུལ་ཆས་ཀྱིས་ཟིན་ཐོ་འདི་ངོས་ལེན་མ་བྱས། མཚོན་བྱང་ལྟར་བཅོས་ནས་ཡང་བསྐྱར་གཏོང་རོགས།',
  f_entry_status: 'གཏོང་བའི་གནས་སྟངས།',
  f_back_to_work: 'ངའི་ལས་འགན་ལ་ཕྱིར་ལོག',
  f_edit_entry: 'ཕྱིར་ལོག་བྱུང་བའི་ཟིན་ཐོ་བཅོས།',
  f_no_loan: 'བུ་ལོན་གྱི་ཨང་གྲངས་མེད།',
  f_visited_on: 'ཁྱིམ་བཅར་གྱི་ཚེས་གྲངས།',
  f_visitors: 'ཁྱིམ་བཅར་བའི་མི། (、ཡང་ན་ཚེག་ཁྱིམ་གྱིས་དབྱེ)',
  f_willing: 'ལས་ཀ་བྱེད་འདོད་དང་ནུས་པ་ཡོད།',
  f_credible: 'ལས་གཞིའི་འཆར་གཞི་ཡིད་ཆེས་རུང་།',
  f_notes: 'ཁྱིམ་བཅར་གནས་ཚུལ།',
  f_updating: 'གསར་སྒྱུར་བྱེད་བཞིན། {t} ལ་ཉར་བའི་ཡིག་ཆ་སྔོན་ལ་སྟོན།',
  // native review: the six lines below were written for the field flows and not yet checked
  f_already_waiting: 'ཐེངས་འདིའི་{kind}ཁ་པར་ནང་ཉར་ཟིན། དྲ་རྒྱ་ཡོད་དུས་རང་འགུལ་གྱིས་གཏོང་། ཡང་བསྐྱར་འབྲི་མི་དགོས།',
  f_already_sent: 'ཐེངས་འདིའི་{kind}ཁ་པར་འདི་ནས་བཏང་ཟིན། ཐོ་འགོད་བྱས་ཟིན། ཡང་བསྐྱར་འབྲི་མི་དགོས།',
  f_already_recorded: 'བུ་ལོན་འདིའི་{kind}ཐོ་འགོད་བྱས་ཟིན། ཡང་བསྐྱར་འབྲི་མི་དགོས།',
  f_all_entered: 'བུ་ལོན་འདིའི་དཔྱད་བསྡུར་ཚང་མ་ཐོ་འགོད་བྱས་ཟིན་པའམ་ཁ་པར་ནང་གཏོང་རྒྱུ་སྒུག་བཞིན་ཡོད།',
  f_evaluate_other: 'དཔྱད་བསྡུར་གཞན་འབྲི།',
  f_visits_enough: 'ཁྱིམ་བཅར་ཐེངས་གཉིས་ཐོ་འགོད་བྱས་ཟིན། (ཁ་པར་ནང་གཏོང་རྒྱུ་ཚུད་ཡོད།)',
};
