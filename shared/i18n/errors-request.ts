/**
 * The refusals every function may answer with: what an error class means without a rule,
 * problems of the request itself (JSON, size, Idempotency-Key, route, cursor, hidden
 * characters), the rules of request fields (zod validation, see ./zod.ts). Every other part of
 * the catalogue (values, states, the areas' refusals: `./errors-<area>.ts`) is listed in
 * `lambdaHandler`'s messages by the functions whose code names one of its rules
 * (test/infra/bundles.test.ts checks). `lambdaHandler` always includes this part.
 */
import { entry, word, type MessageTable } from './catalogue.ts';
import { RECORD_WORDS, TYPE_WORDS } from './words.ts';
import { CONTROL_ERROR_MESSAGES } from './errors-controls.ts';

export const REQUEST_ERRORS = {
  // hidden characters, receipt characters and workbook limits: every function may refuse them (the body check runs everywhere)
  ...CONTROL_ERROR_MESSAGES,
  // ----- generic codes (what a class means when no rule is given) -----
  validation_failed: entry({ 'zh-CN': (_p, f) => `${f.field || '输入'}不符合要求`, bo: (_p, f) => `${f.field || 'ནང་འཇུག'} ཆ་རྐྱེན་དང་མི་མཐུན།`, en: (_p, f) => `${f.field || 'the input'} is not valid` }),
  unauthenticated: entry({ 'zh-CN': () => '请先登录（需要有效的令牌）', bo: () => 'ཐོག་མར་ནང་དུ་འཛུལ་རོགས། (ནུས་ལྡན་གྱི་ལག་ཁྱེར་དགོས།)', en: () => 'a valid bearer token is required' }),
  forbidden: entry({
    'zh-CN': () => '您无权进行此操作，或该记录不在您单位的管辖范围内',
    bo: () => 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་དབང་མེད། ཡང་ན་ཟིན་ཐོ་འདི་ཁྱེད་ཀྱི་ལས་ཁུངས་ཀྱི་ཁྱབ་ཁོངས་སུ་མེད།',
    en: () => 'you may not do this, or the record is outside your office',
  }),
  role_not_allowed: entry<{ role: string }>({
    'zh-CN': () => '您的岗位不能进行此操作',
    bo: () => 'ཁྱེད་ཀྱི་ལས་གནས་ཀྱིས་བྱ་བ་འདི་བྱེད་མི་ཆོག',
    en: (p) => `role ${p.role} may not do this`,
  }),
  not_found: entry<{ what: string }>({
    'zh-CN': (p, f) => `找不到该${word(RECORD_WORDS, p.what, f.lang)}`,
    bo: (p, f) => `${word(RECORD_WORDS, p.what, f.lang)} འདི་རྙེད་མ་སོང་།`,
    en: (p) => `no such ${p.what}`,
  }),
  conflict: entry({ 'zh-CN': () => '记录当前的状态不允许此操作', bo: () => 'ཟིན་ཐོའི་གནས་སྟངས་ཀྱིས་བྱ་བ་འདི་བྱེད་མི་ཆོག', en: () => 'the record is not in a state that allows this' }),
  concurrent_change: entry({
    'zh-CN': () => '该记录刚被他人同时修改，请刷新后重试',
    bo: () => 'ཟིན་ཐོ་འདི་མི་གཞན་ཞིག་གིས་དུས་མཚུངས་སུ་བཟོ་བཅོས་བྱས་སོང་། ཡང་བསྐྱར་ཀློག་ནས་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the record was changed by another request at the same time; reload and try again',
  }),
  service_unavailable: entry({
    'zh-CN': () => '系统暂时无法访问数据库，未做任何修改，请稍后重试',
    bo: () => 'མ་ལག་གིས་གནས་ཚུལ་མཛོད་ལ་གནས་སྐབས་འབྲེལ་བ་བྱེད་མ་ཐུབ། ཅི་ཡང་བཟོ་བཅོས་བྱས་མེད། ཅུང་ཙམ་རྗེས་སུ་ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the database is not reachable right now; nothing was changed, please retry',
  }),
  timed_out: entry({
    'zh-CN': () => '请求处理超时已停止，没有留下半完成的修改，请重试',
    bo: () => 'རེ་ཞུ་ཐག་གཅོད་ལ་དུས་ཚོད་ཡོལ་བས་མཚམས་བཞག ཅི་ཡང་བཟོ་བཅོས་བྱས་མེད། ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས།',
    en: () => 'the request took too long and was stopped; nothing half-written is kept, please retry',
  }),
  internal: entry({ 'zh-CN': () => '系统内部错误，可重试', bo: () => 'མ་ལག་ནང་ནོར་འཁྲུལ་བྱུང་། ཡང་བསྐྱར་ཚོད་ལྟ་བྱེད་ཆོག', en: () => 'internal error; the request may be retried' }),

  // ----- the request itself -----
  invalid_request: entry({ 'zh-CN': (_p, f) => `${f.field || '请求'}填写不正确`, bo: (_p, f) => `${f.field || 'རེ་ཞུ་'} འབྲི་སྟངས་མི་འགྲིག`, en: (_p, f) => `${f.field || 'the request'} is not valid` }),
  invalid_json: entry({ 'zh-CN': () => '请求内容必须是 JSON 对象', bo: () => 'རེ་ཞུའི་ནང་དོན་ JSON ཡིན་དགོས།', en: () => 'the request body must be a JSON object' }),
  payload_too_large: entry<{ maxBytes: number }>({
    'zh-CN': (p) => `请求内容不能超过 ${p.maxBytes} 字节`,
    bo: (p) => `རེ་ཞུའི་ནང་དོན་ཡིག་ཚིགས་ ${p.maxBytes} ལས་ལྷག་མི་ཆོག`,
    en: (p) => `the request body must be at most ${p.maxBytes} bytes`,
  }),
  idempotency_key_required: entry({
    'zh-CN': () => '此操作涉及资金，必须带 Idempotency-Key 请求头，以便安全重试',
    bo: () => 'བྱ་བ་འདི་དངུལ་དང་འབྲེལ་བས་ Idempotency-Key ངེས་པར་དུ་དགོས།',
    en: () => 'Idempotency-Key header is required: this request moves money and must be safe to retry',
  }),
  idempotency_key_format: entry({
    'zh-CN': () => 'Idempotency-Key 必须是 8–128 个字母、数字或 ._:-',
    bo: () => 'Idempotency-Key ནི་དབྱིན་ཡིག་དང་ཨང་ཀི། ._:- བཅས་ 8–128 ཡིན་དགོས།',
    en: () => 'Idempotency-Key must be 8-128 letters, digits or ._:-',
  }),
  idempotency_key_reused: entry({
    'zh-CN': () => '此 Idempotency-Key 已用于另一个请求，新请求请用新编号',
    bo: () => 'Idempotency-Key འདི་རེ་ཞུ་གཞན་ཞིག་ལ་བེད་སྤྱད་ཟིན། ཨང་གསར་པ་སྤྱོད་རོགས།',
    en: () => 'Idempotency-Key was already used for a different request; use a new key for a new request',
  }),
  method_not_allowed: entry({ 'zh-CN': () => '此接口不支持该请求方法', bo: () => 'འབྲེལ་མཐུད་འདིས་རེ་ཞུའི་ཐབས་ལམ་འདི་རྒྱབ་སྐྱོར་མི་བྱེད།', en: () => 'this method is not allowed on this route' }),
  no_route: entry({ 'zh-CN': () => '没有这个接口', bo: () => 'འབྲེལ་མཐུད་འདི་མེད།', en: () => 'no such route' }),
  not_a_record_id: entry<{ name: string }>({ 'zh-CN': () => '没有这条记录（编号格式不对）', bo: () => 'ཟིན་ཐོ་འདི་མེད། (ཨང་རྟགས་ཀྱི་རྣམ་པ་མི་འགྲིག)', en: (p) => `${p.name} is not a record id; no such record` }),
  bad_cursor: entry({
    'zh-CN': () => '翻页标记无效（筛选条件改变后需从第一页开始）',
    bo: () => 'ཤོག་ངོས་རྟགས་ནུས་མེད། ཤོག་ངོས་དང་པོ་ནས་འགོ་འཛུགས་རོགས།',
    en: () => 'is not a cursor returned by this list (lists change their cursor when their filters change)',
  }),

  // ----- request fields (zod validation failures, see ./zod.ts) -----
  required: entry({ 'zh-CN': (_p, f) => `${f.field}必须填写`, bo: (_p, f) => `${f.field} ངེས་པར་དུ་འབྲི་དགོས།`, en: (_p, f) => `${f.field} is required` }),
  wrong_type: entry<{ expected: string }>({
    'zh-CN': (p, f) => `${f.field}应为${word(TYPE_WORDS, p.expected, f.lang)}`,
    bo: (p, f) => `${f.field} ${word(TYPE_WORDS, p.expected, f.lang)} ཡིན་དགོས།`,
    en: (p, f) => `${f.field} must be ${word(TYPE_WORDS, p.expected, f.lang)}`,
  }),
  whole_fen: entry({
    'zh-CN': (_p, f) => `${f.field}必须是整数（以分为单位，1 元 = 100 分）`,
    bo: (_p, f) => `${f.field} ཧྥན་གྱི་གྲངས་ཆ་ཚང་ཡིན་དགོས། (སྒོར་ 1 = ཧྥན་ 100)`,
    en: (_p, f) => `${f.field} must be an amount in yuan with at most two decimal places`,
  }),
  min_amount: entry<{ minimumFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能少于 ${f.yuan(p.minimumFen)}`,
    bo: (p, f) => `${f.field} ${f.yuan(p.minimumFen)} ལས་ཉུང་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at least ${f.yuan(p.minimumFen)}`,
  }),
  max_amount: entry<{ maximumFen: number }>({
    'zh-CN': (p, f) => `${f.field}不能超过 ${f.yuan(p.maximumFen)}`,
    bo: (p, f) => `${f.field} ${f.yuan(p.maximumFen)} ལས་བརྒལ་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${f.yuan(p.maximumFen)}`,
  }),
  min_number: entry<{ minimum: number }>({
    'zh-CN': (p, f) => `${f.field}不能小于 ${p.minimum}`,
    bo: (p, f) => `${f.field} ${p.minimum} ལས་ཆུང་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at least ${p.minimum}`,
  }),
  max_number: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}不能大于 ${p.maximum}`,
    bo: (p, f) => `${f.field} ${p.maximum} ལས་ཆེ་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${p.maximum}`,
  }),
  not_empty: entry({ 'zh-CN': (_p, f) => `${f.field}不能为空`, bo: (_p, f) => `${f.field} སྟོང་པ་ཡིན་མི་ཆོག`, en: (_p, f) => `${f.field} must not be empty` }),
  max_length: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}最多 ${p.maximum} 个字`,
    bo: (p, f) => `${f.field} ཡིག་འབྲུ་མང་མཐར་ ${p.maximum} ལས་མི་ཆོག`,
    en: (p, f) => `${f.field} must be at most ${p.maximum} characters`,
  }),
  min_items: entry<{ minimum: number }>({
    'zh-CN': (p, f) => `${f.field}至少要有 ${p.minimum} 项`,
    bo: (p, f) => `${f.field} ཉུང་མཐར་ ${p.minimum} དགོས།`,
    en: (p, f) => `${f.field} needs at least ${p.minimum} item(s)`,
  }),
  max_items: entry<{ maximum: number }>({
    'zh-CN': (p, f) => `${f.field}最多 ${p.maximum} 项`,
    bo: (p, f) => `${f.field} མང་མཐར་ ${p.maximum} ལས་མི་ཆོག`,
    en: (p, f) => `${f.field} may have at most ${p.maximum} item(s)`,
  }),
  unknown_fields: entry<{ keys: string[] }>({
    'zh-CN': (p) => `有无法识别的字段：${p.keys.join('、')}`,
    bo: (p) => `ངོས་མི་ཟིན་པའི་རེའུ་མིག ${p.keys.join('། ')}`,
    en: (p) => `has unknown field(s): ${p.keys.join(', ')}`,
  }),
  date: entry({
    'zh-CN': (_p, f) => `${f.field}必须是真实的日期，格式为 YYYY-MM-DD`,
    bo: (_p, f) => `${f.field} ཚེས་གྲངས་ངོ་མ་ཡིན་དགོས། (YYYY-MM-DD)`,
    en: (_p, f) => `${f.field} must be a real calendar date written YYYY-MM-DD (years 1900-2200)`,
  }),
  office_id: entry({
    'zh-CN': (_p, f) => `${f.field}必须是单位编号，如 lhasa.chengguan.caigongtang`,
    bo: (_p, f) => `${f.field} ལས་ཁུངས་ཀྱི་ཨང་རྟགས་ཡིན་དགོས། (དཔེར་ན lhasa.chengguan.caigongtang)`,
    en: (_p, f) => `${f.field} must be an office id such as lhasa.chengguan.caigongtang`,
  }),
  record_id: entry({
    'zh-CN': (_p, f) => `${f.field}必须是记录编号（26 位）`,
    bo: (_p, f) => `${f.field} ཟིན་ཐོའི་ཨང་རྟགས་ (ཡིག་འབྲུ་ 26) ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be a record id (26 characters)`,
  }),
  mobile: entry({ 'zh-CN': (_p, f) => `${f.field}必须是 11 位手机号`, bo: (_p, f) => `${f.field} ཨང་གྲངས་ 11 ཡོད་པའི་ཁ་པར་ཨང་ཡིན་དགོས།`, en: (_p, f) => `${f.field} must be an 11-digit mobile number` }),
  control_chars: entry({
    'zh-CN': (_p, f) => `${f.field}含有无法显示的控制字符`,
    bo: (_p, f) => `${f.field} ནང་མངོན་མི་ཐུབ་པའི་ཡིག་རྟགས་འདུག`,
    en: (_p, f) => `${f.field} must not contain control characters`,
  }),
  resident_id_shape: entry({
    'zh-CN': (_p, f) => `${f.field}必须是 18 位：17 位数字加一位数字或 X`,
    bo: (_p, f) => `${f.field} ཨང་ཀི་ 17 དང་ཨང་ཀི་གཅིག་གམ་ X བཅས་ 18 ཡིན་དགོས།`,
    en: (_p, f) => `${f.field} must be 18 characters: 17 digits and a digit or X`,
  }),
  resident_id_birth_date: entry({
    'zh-CN': (_p, f) => `${f.field}第 7–14 位必须是真实的出生日期`,
    bo: (_p, f) => `${f.field} ཡི་ཡིག་འབྲུ་ 7–14 སྐྱེས་ཚེས་ངོ་མ་ཡིན་དགོས།`,
    en: (_p, f) => `${f.field}: characters 7-14 must be a real date of birth (YYYYMMDD), not in the future`,
  }),
  resident_id_checksum: entry({
    'zh-CN': (_p, f) => `${f.field}校验位不对，请核对号码`,
    bo: (_p, f) => `${f.field} ཡི་ཞིབ་བཤེར་ཨང་མི་འགྲིག ཨང་གྲངས་ཞིབ་བཤེར་གནང་རོགས།`,
    en: (_p, f) => `${f.field}: check character does not match (GB 11643 / ISO 7064 MOD 11-2)`,
  }),
  staff_unknown: entry({
    'zh-CN': () => '人员名录中没有您的记录，请联系项目办添加',
    bo: () => 'ལས་བྱེད་པའི་ཐོ་ཡིག་ནང་ཁྱེད་ཀྱི་ཟིན་ཐོ་མེད། ལས་གཞི་གཟིམ་ཚང་ལ་འབྲེལ་བ་བྱེད་རོགས།',
    en: () => 'you are not in the staff directory; ask your project office to add you',
  }),
  staff_inactive: entry({
    'zh-CN': () => '您在人员名录中已停用，不能再办理业务',
    bo: () => 'ལས་བྱེད་པའི་ཐོ་ཡིག་ནང་ཁྱེད་ལས་མཚམས་བཞག་ཟིན།',
    en: () => 'your account has been deactivated in the staff directory',
  }),
  invalid_encoding: entry({
    'zh-CN': (_p, f) => `${f.field || '请求内容'}不是有效的 UTF-8 文本`,
    bo: (_p, f) => `${f.field || 'རེ་ཞུའི་ནང་དོན'} UTF-8 ཡིག་རྐྱང་ཏག་ཏག་མིན།`,
    en: (_p, f) => `${f.field || 'the request body'} is not valid UTF-8 text`,
  }),
  invalid: entry({ 'zh-CN': (_p, f) => `${f.field}填写不正确`, bo: (_p, f) => `${f.field} འབྲི་སྟངས་མི་འགྲིག`, en: (_p, f) => `${f.field} is not valid` }),
} satisfies MessageTable;
