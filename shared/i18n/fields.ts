/**
 * What each request field is called on the forms, per language. A field path such as
 * `mother.residentId` or `evaluationMonths.1` is named by its last word that has a label;
 * a field without one is shown as written.
 *
 * This file holds the labels every function may name (the request itself, paging, the steps
 * four eyes keeps apart, the fields of many areas); the labels of one area's forms are parts
 * of their own (`fields-<area>.ts`), which a function lists in `lambdaHandler`'s `labels` so
 * that its bundle holds only the labels it can name (test/infra/bundles.test.ts checks every
 * field of its request schemas). All parts merged: `./fields-all.ts`.
 */
import type { Lang } from './lang.ts';

type Label = Record<Lang, string>;
/** A part of the field labels: field name or path → its label. */
export type FieldLabels = Record<string, Label>;
const L = (zh: string, bo: string, en: string): Label => ({ 'zh-CN': zh, bo, en });

export const FIELD_LABELS: FieldLabels = {
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
  status: L('状态', 'གནས་སྟངས་', 'status'),
  state: L('状态', 'གནས་སྟངས་', 'state'),
  id: L('编号', 'ཨང་རྟགས་', 'id'),
  name: L('名称', 'མིང་', 'name'),
  kind: L('类别', 'རིགས་', 'kind'),
  officeId: L('单位', 'ལས་ཁུངས་', 'office'),
  districtId: L('区', 'ཆུས་', 'district'),
  townshipId: L('乡（街道）', 'ཤང་', 'township'),
  roundId: L('轮次', 'སྐོར་རིམ་', 'round'),
  phone: L('手机号', 'ཁ་པར་ཨང་གྲངས་', 'mobile number'),
  amountFen: L('金额', 'དངུལ་འབོར་', 'amount'),
  place: L('地点', 'ས་གནས་', 'place'),
  note: L('备注', 'མཆན་', 'note'),
  decision: L('决定', 'ཐག་གཅོད་', 'decision'),
  reason: L('理由', 'རྒྱུ་མཚན་', 'reason'),
  dryRun: L('试运行', 'ཚོད་ལྟ་', 'dry run'),
  nameEn: L('英文名称', 'དབྱིན་ཡིག་མིང་', 'English name'),
  year: L('年份', 'ལོ་', 'year'),
};

/** The parts `fieldLabel` looks in: the area parts this process serves (a function's own, listed in `lambdaHandler`; every function's in the dev server), then the common labels. */
let lookup: FieldLabels[] = [FIELD_LABELS];

/** Adds area parts of the labels to those `fieldLabel` looks in (a later part wins, as in a spread; the common labels win over all). */
export function addFieldLabels(parts: readonly FieldLabels[]): void {
  const areas = lookup.slice(0, -1);
  for (const part of parts) if (part !== FIELD_LABELS && !areas.includes(part)) areas.push(part);
  lookup = [...areas, FIELD_LABELS];
}

/** The label of a field path in a language (the last segment with a label; array indexes are skipped). */
export function fieldLabel(path: string | undefined, lang: Lang): string {
  return labelIn(lookup, path, lang);
}

/** The label of a field path in a language from the parts given, a later part winning over an earlier one (`fieldLabel` with these parts only). */
export function labelIn(tables: readonly FieldLabels[], path: string | undefined, lang: Lang): string {
  if (!path) return '';
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  // own labels only: a field named "__proto__" or "constructor" has none
  const own = (name: string) => tables.findLast((t) => Object.hasOwn(t, name))?.[name];
  const whole = own(parts.join('.'));
  if (whole) return whole[lang];
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = own(parts.slice(i).join('.')) ?? own(parts[i]!);
    if (label) return label[lang];
  }
  return path;
}
