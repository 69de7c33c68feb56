/**
 * Refusals of the evaluation reports (评估报告), in the shape of `ERROR_MESSAGES` (spread into
 * it). The labels of their request fields: `fields-evaluation-reports.ts`.
 */
import { entry, type Fmt } from './catalogue.ts';
import type { Lang } from './lang.ts';

type Words = Record<string, Record<Lang, string>>;
const W = (zh: string, bo: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, bo, en });
const say = (table: Words, key: unknown, f: Fmt) => table[String(key)]?.[f.lang] ?? String(key ?? '');

/** Where a version of a report stands, as a sentence part. */
const REPORT_STATE: Words = {
  draft: W('正在起草', 'ཟིན་བྲིས་འབྲི་བཞིན་ཡོད།', 'is being drafted'),
  submitted: W('已报送组委会', 'ཨུ་ཡོན་ལྷན་ཁང་ལ་ཕུལ་ཟིན།', 'has been submitted to the committee'),
  received: W('组委会已收到', 'ཨུ་ཡོན་ལྷན་ཁང་གིས་བཞེས་ཟིན།', 'has been received by the committee'),
  revision_requested: W('组委会要求修改', 'ཨུ་ཡོན་ལྷན་ཁང་གིས་བཟོ་བཅོས་དགོས་ཞེས་བཏོན་ཡོད།', 'has been sent back for a revision'),
};

const KIND: Words = {
  midterm: W('中期评估', 'བར་མའི་དཔྱད་བསྡུར་', 'mid-term evaluation'),
  yearend: W('年终评估', 'ལོ་མཇུག་གི་དཔྱད་བསྡུར་', 'year-end evaluation'),
  final: W('终期评估', 'མཇུག་མའི་དཔྱད་བསྡུར་', 'final evaluation'),
};

export const EVALUATION_REPORT_ERRORS = {
  report_point_unknown: entry<{ points?: number }>({
    'zh-CN': (p, f) => `${f.field}不存在：本轮共有 ${p.points ?? 0} 个评估节点（从 0 起编号）`,
    bo: (p, f) => `${f.field} མེད། སྐོར་འདིར་དཔྱད་བསྡུར་གྱི་དུས་ཚིགས་ ${p.points ?? 0} ཡོད། (༠ ནས་གྲངས་རྩིས།)`,
    en: (p, f) => `${f.field} does not exist: the round has ${p.points ?? 0} evaluation points (numbered from 0)`,
  }),
  report_exists: entry<{ status?: string }>({
    'zh-CN': (p, f) => `该评估报告${say(REPORT_STATE, p.status, f)}，不能重新起草（组委会要求修改后才起草新版本）`,
    bo: (p, f) => `དཔྱད་བསྡུར་སྙན་ཞུ་འདི་${say(REPORT_STATE, p.status, f)} བསྐྱར་དུ་ཟིན་བྲིས་འབྲི་མི་ཆོག (ཨུ་ཡོན་ལྷན་ཁང་གིས་བཟོ་བཅོས་དགོས་ཞེས་བཏོན་རྗེས་པར་གཞི་གསར་པ་འབྲི་ཆོག)`,
    en: (p, f) => `this evaluation report ${say(REPORT_STATE, p.status, f)}; a new version is drafted only after the committee asks for a revision`,
  }),
  report_nothing_due: entry<{ kind?: string }>({
    'zh-CN': (p, f) => `本轮还没有农户到${say(KIND, p.kind, f)}时间，暂不能起草报告`,
    bo: (p, f) => `སྐོར་འདིའི་ཁྱིམ་ཚང་གང་ཡང་ད་དུང་${say(KIND, p.kind, f)}ཀྱི་དུས་ལ་སླེབས་མེད་པས་སྙན་ཞུ་འབྲི་མི་ཐུབ།`,
    en: (p, f) => `no household of this round is due for its ${say(KIND, p.kind, f)} yet; the report cannot be drafted`,
  }),
  report_submitted: entry<{ status?: string }>({
    'zh-CN': (p, f) => `该版本评估报告${say(REPORT_STATE, p.status, f)}，不能再修改（修改须起草新版本）`,
    bo: (p, f) => `དཔྱད་བསྡུར་སྙན་ཞུའི་པར་གཞི་འདི་${say(REPORT_STATE, p.status, f)} བཟོ་བཅོས་བྱེད་མི་ཆོག (བཟོ་བཅོས་ལ་པར་གཞི་གསར་པ་འབྲི་དགོས།)`,
    en: (p, f) => `this version of the evaluation report ${say(REPORT_STATE, p.status, f)} and can no longer change (a revision is a new version)`,
  }),
  report_not_submitted: entry<{ status?: string }>({
    'zh-CN': (p, f) => `该版本评估报告${say(REPORT_STATE, p.status, f)}，只有已报送、尚未审阅的报告才能审阅`,
    bo: (p, f) => `དཔྱད་བསྡུར་སྙན་ཞུའི་པར་གཞི་འདི་${say(REPORT_STATE, p.status, f)} ཕུལ་ཟིན་ལ་ད་དུང་ཞིབ་དཔྱད་མ་བྱས་པའི་སྙན་ཞུ་ཁོ་ན་ཞིབ་དཔྱད་བྱེད་ཆོག`,
    en: (p, f) => `this version of the evaluation report ${say(REPORT_STATE, p.status, f)}; only a submitted evaluation report not yet reviewed can be reviewed`,
  }),
  report_assessment_missing: entry({
    'zh-CN': (_p, f) => `报送前请先填写${f.field}`,
    bo: (_p, f) => `མ་ཕུལ་གོང་དུ་${f.field} འབྲི་རོགས།`,
    en: (_p, f) => `write ${f.field} before submitting the report`,
  }),
  report_before_figures: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于报告数据的截止日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} སྙན་ཞུའི་གྲངས་ཀའི་མཇུག་སྒྲིལ་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་སྔ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before the date of the report’s figures (${f.date(p.date)})`,
  }),
  review_before_submission: entry<{ date: string }>({
    'zh-CN': (p, f) => `${f.field}不能早于报送日期（${f.date(p.date)}）`,
    bo: (p, f) => `${f.field} ཕུལ་བའི་ཚེས་གྲངས་ (${f.date(p.date)}) ལས་སྔ་མི་ཆོག`,
    en: (p, f) => `${f.field} must not be before the report was submitted (${f.date(p.date)})`,
  }),
  revision_comment_required: entry({
    'zh-CN': (_p, f) => `要求修改时必须填写${f.field}`,
    bo: (_p, f) => `བཟོ་བཅོས་དགོས་ཞེས་འདོན་སྐབས་${f.field} འབྲི་དགོས།`,
    en: (_p, f) => `${f.field} is required when asking for a revision`,
  }),
};
