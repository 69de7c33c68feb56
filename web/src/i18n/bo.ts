/**
 * Tibetan (བོད་ཡིག). Field staff and villagers read it: sign-in, the shared words, the field
 * pages and the form messages are required here (a missing one fails the type-check); other
 * pages fall back to Chinese until they are translated. To be reviewed by a native reader.
 */
import type { MessageKey } from './zh-CN.ts';

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

export const bo: Record<TibetanRequired, string> & Partial<Record<MessageKey, string>> = {
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
  nav_repayments: 'བུ་ལོན་སླར་སྤྲོད།',
  status_submitted: 'ཆོག་མཆན་སྒུག་བཞིན།',
  status_approved: 'ཆོག་མཆན་ཐོབ།',
  status_rejected: 'ཆོག་མཆན་མ་ཐོབ།',
  status_active: 'རྒྱུན་ལྡན།',
  status_overdue: 'དུས་ཡོལ།',
  status_repaid: 'ཚང་མ་སླར་སྤྲད།',
  status_written_off: 'རྩིས་བསུབས།',
  dialog_close: 'སྒོ་རྒྱག',
  v_required: 'འདི་འབྲི་དགོས།',
  v_too_long: 'ཡི་གེ་ {n} ལས་མང་བ་མི་ཆོག',
  v_too_short: 'ཉུང་མཐར་ཡི་གེ་ {n} དགོས།',
  v_amount: 'སྒོར་གྱི་གྲངས་འབྲི་རོགས། (ཚེག་རྗེས་གྲངས་ཀ་གཉིས་ལས་མང་བ་མི་ཆོག)',
  v_amount_min: 'ཉུང་མཐར་ {a} དགོས།',
  v_amount_max: 'མང་མཐར་ {a} ལས་མི་ཆོག',
  v_number_min: 'ཉུང་མཐར་ {n} དགོས།',
  v_number_max: 'མང་མཐར་ {n} ལས་མི་ཆོག',
  v_date: 'ཚེས་གྲངས་ནོར་འདུག',
  v_date_future: 'ཚེས་གྲངས་དེ་རིང་ལས་ཕྱི་བ་མི་ཆོག',
  v_choose: 'གདམ་ག་ཞིག་བྱེད་རོགས།',
  v_choose_some: 'ཉུང་མཐར་གཅིག་འདེམས་རོགས།',
  v_invalid: 'འདི་ནོར་འདུག',
  v_resident_id: 'ཐོབ་ཐང་ལག་ཁྱེར་གྱི་ཨང་གྲངས་ནོར་འདུག',
  v_fix_errors: 'མཚོན་རྟགས་བཀོད་པའི་ནང་དོན་བཅོས་རོགས།',
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
  f_online_pending: 'གཏོང་རྒྱུའི་ཟིན་ཐོ་ {n} ཡོད།',
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
  f_required: 'འདི་འབྲི་དགོས།',
  f_bad_amount: 'སྒོར་གྱི་གྲངས་འབྲི་རོགས། (ཚེག་རྗེས་གྲངས་ཀ་གཉིས་ལས་མང་བ་མི་ཆོག)',
  f_pick_method: 'ཉུང་མཐར་ཐབས་ལམ་གཅིག་འདེམས།',
  f_pick_left_poverty: 'མཐའ་མའི་དཔྱད་བསྡུར་ལ་དབུལ་ཐར་བྱུང་མིན་འབྲི་དགོས།',
  f_too_long: 'ཡི་གེ་ {n} ལས་མང་བ་མི་ཆོག',
  f_bad_date: 'ཚེས་གྲངས་དེ་རིང་ལས་ཕྱི་བ་མི་ཆོག',
  f_fix_errors: 'མཚོན་རྟགས་བཀོད་པའི་ནང་དོན་བཅོས་རོགས།',
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
  f_mother: 'ཨ་མ།',
  f_village: 'གྲོང་ཚོ།',
  f_visited_on: 'ཁྱིམ་བཅར་གྱི་ཚེས་གྲངས།',
  f_visitors: 'ཁྱིམ་བཅར་བའི་མི། (、ཡང་ན་ཚེག་ཁྱིམ་གྱིས་དབྱེ)',
  f_willing: 'ལས་ཀ་བྱེད་འདོད་དང་ནུས་པ་ཡོད།',
  f_credible: 'ལས་གཞིའི་འཆར་གཞི་ཡིད་ཆེས་རུང་།',
  f_notes: 'ཁྱིམ་བཅར་གནས་ཚུལ།',
  f_updating: 'གསར་སྒྱུར་བྱེད་བཞིན། {t} ལ་ཉར་བའི་ཡིག་ཆ་སྔོན་ལ་སྟོན།',
};
