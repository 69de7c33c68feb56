/** History entries of the evaluation reports (评估报告) beyond those in `history-programme.ts`, in the shape of `HISTORY_MESSAGES` (spread into it). */
import type { Lang } from './lang.ts';

type P = Record<string, unknown>;
type Render = (p: P, f: { lang: Lang; y: (v: unknown) => string; d: (v: unknown) => string }) => string;
type Entry = Record<Lang, Render>;

const n = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

const REPORT_KIND: Record<string, Record<Lang, string>> = {
  midterm: { 'zh-CN': '中期评估报告', bo: 'བར་མའི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'mid-term evaluation report' },
  yearend: { 'zh-CN': '年终评估报告', bo: 'ལོ་མཇུག་གི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'year-end evaluation report' },
  final: { 'zh-CN': '终期评估报告', bo: 'མཇུག་མའི་དཔྱད་བསྡུར་སྙན་ཞུ།', en: 'final evaluation report' },
};
const kind = (v: unknown, lang: Lang) => REPORT_KIND[String(v)]?.[lang] ?? String(v ?? '');

export const EVALUATION_REPORT_HISTORY_MESSAGES: Record<string, Entry> = {
  evaluation_report_drafted: {
    'zh-CN': (p) => `系统起草${kind(p.kind, 'zh-CN')}（第 ${n(p.version)} 版）：应评估 ${n(p.due)} 户，已评估 ${n(p.evaluated)} 户`,
    bo: (p) => `མ་ལག་གིས་${kind(p.kind, 'bo')}ཟིན་བྲིས་བྲིས། (པར་གཞི་ ${n(p.version)}) དཔྱད་བསྡུར་བྱ་དགོས་པའི་ཁྱིམ་ཚང་ ${n(p.due)} ལས་ ${n(p.evaluated)} ལ་དཔྱད་བསྡུར་བྱས་ཟིན།`,
    en: (p) => `${kind(p.kind, 'en')} drafted by the system (version ${n(p.version)}): ${n(p.evaluated)} of ${n(p.due)} households evaluated`,
  },
};
