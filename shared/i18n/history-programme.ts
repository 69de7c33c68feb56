/**
 * History entries of the committee confirmation (审核确定) and the evaluation reports
 * (评估报告), in the shape of `HISTORY_MESSAGES` (spread into it).
 */
import type { Lang } from './lang.ts';

type P = Record<string, unknown>;
type Render = (p: P, f: { lang: Lang; y: (v: unknown) => string; d: (v: unknown) => string }) => string;
type Entry = Record<Lang, Render>;

const n = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const s = (v: unknown) => (typeof v === 'string' ? v : '');

const REPORT_KIND: Record<string, Record<Lang, string>> = {
  midterm: { 'zh-CN': '中期评估报告', bo: 'བར་མའི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'mid-term evaluation report' },
  yearend: { 'zh-CN': '年终评估报告', bo: 'ལོ་མཇུག་གི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'year-end evaluation report' },
  final: { 'zh-CN': '终期评估报告', bo: 'མཇུག་མའི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'final evaluation report' },
};
const kind = (v: unknown, lang: Lang) => REPORT_KIND[String(v)]?.[lang] ?? String(v ?? '');

export const PROGRAMME_HISTORY_MESSAGES: Record<string, Entry> = {
  confirmation_sent: {
    'zh-CN': (p, f) => `报组委会审核确定（报批日期 ${f.d(p.sentOn)}）`,
    bo: (p, f) => `ཨུ་ཡོན་ལྷན་ཁང་ལ་ཞིབ་བཤེར་གཏན་འཁེལ་ཆེད་ཕུལ། (${f.d(p.sentOn)})`,
    en: (p, f) => `sent to the committee for confirmation on ${f.d(p.sentOn)}`,
  },
  confirmation_confirmed: {
    'zh-CN': (p, f) => `组委会审核确定（${f.d(p.decidedOn)}）`,
    bo: (p, f) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་ཞིབ་བཤེར་གཏན་འཁེལ་བྱས། (${f.d(p.decidedOn)})`,
    en: (p, f) => `confirmed by the committee on ${f.d(p.decidedOn)}`,
  },
  confirmation_returned: {
    'zh-CN': (p, f) => `组委会退回区项目办（${f.d(p.decidedOn)}），理由：${s(p.reason)}`,
    bo: (p, f) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་ཆུས་ཀྱི་ལས་གཞི་གཞུང་ལས་ཁང་ལ་ཕྱིར་སློག་བྱས། (${f.d(p.decidedOn)}) རྒྱུ་མཚན། ${s(p.reason)}`,
    en: (p, f) => `returned to the district by the committee on ${f.d(p.decidedOn)}: ${s(p.reason)}`,
  },
  confirmation_list_sent: {
    'zh-CN': (p, f) => `报批名单报组委会：${n(p.count)} 笔，共 ${f.y(p.totalFen)}（${f.d(p.sentOn)}）`,
    bo: (p, f) => `ཆོག་མཆན་ཞུ་བའི་མིང་ཐོ་ཨུ་ཡོན་ལྷན་ཁང་ལ་ཕུལ། བུ་ལོན་ ${n(p.count)} བསྡོམས་ ${f.y(p.totalFen)} (${f.d(p.sentOn)})`,
    en: (p, f) => `list of ${n(p.count)} loan(s), ${f.y(p.totalFen)} in all, sent to the committee on ${f.d(p.sentOn)}`,
  },
  confirmation_list_decided: {
    'zh-CN': (p, f) => `组委会审核（${f.d(p.decidedOn)}）：确定 ${n(p.confirmed)} 笔，退回 ${n(p.returned)} 笔`,
    bo: (p, f) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་ཞིབ་བཤེར་བྱས། (${f.d(p.decidedOn)}) གཏན་འཁེལ་ ${n(p.confirmed)} ཕྱིར་སློག་ ${n(p.returned)}`,
    en: (p, f) => `decided by the committee on ${f.d(p.decidedOn)}: ${n(p.confirmed)} confirmed, ${n(p.returned)} returned`,
  },
  evaluation_report_submitted: {
    'zh-CN': (p) => `提交${kind(p.kind, 'zh-CN')}（第 ${n(p.version)} 版）`,
    bo: (p) => `${kind(p.kind, 'bo')}ཕུལ། (པར་གཞི་ ${n(p.version)})`,
    en: (p) => `${kind(p.kind, 'en')} submitted (version ${n(p.version)})`,
  },
  evaluation_report_received: {
    'zh-CN': (p) => `组委会已收到${kind(p.kind, 'zh-CN')}${s(p.comment) ? `，意见：${s(p.comment)}` : ''}`,
    bo: (p) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་${kind(p.kind, 'bo')}བཞེས་ཟིན།${s(p.comment) ? ` བསམ་འཆར། ${s(p.comment)}` : ''}`,
    en: (p) => `the committee received the ${kind(p.kind, 'en')}${s(p.comment) ? `; comment: ${s(p.comment)}` : ''}`,
  },
  evaluation_report_revision: {
    'zh-CN': (p) => `组委会要求修改${kind(p.kind, 'zh-CN')}：${s(p.comment)}`,
    bo: (p) => `ཨུ་ཡོན་ལྷན་ཁང་གིས་${kind(p.kind, 'bo')}བཟོ་བཅོས་བྱེད་དགོས་ཞེས་བཏོན། ${s(p.comment)}`,
    en: (p) => `the committee asked for a revision of the ${kind(p.kind, 'en')}: ${s(p.comment)}`,
  },
};
