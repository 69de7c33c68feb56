/**
 * The programme's terms are said one way: wherever a Chinese text of a catalogue contains a term
 * of docs/glossary.md, the Tibetan and the English of the same entry contain the glossary's
 * rendering (its check expressions). Catalogues: the web app's, the printed documents' words, the
 * API's field labels and word tables, its refusals and its history entries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorText, EVALUATION_WORDS, RECORD_WORDS, SCREENING_RULE_WORDS, STATUS_WORDS } from '../../shared/i18n/errors.ts';
import { EXCEPTION_KIND_WORDS } from '../../shared/i18n/exceptions.ts';
import { ALL_FIELD_LABELS as FIELD_LABELS } from '../../shared/i18n/fields-all.ts';
import { HISTORY_MESSAGES, historyText } from '../../shared/i18n/history.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import { LEDGER_SHEET_WORDS } from '../../shared/i18n/ledger-rows.ts';
import { bo } from '../../web/src/i18n/bo.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCNCommittee } from '../../web/src/i18n/zh-CN.committee.ts';
import { zhCNDistrict } from '../../web/src/i18n/zh-CN.district.ts';
import { zhCNFind } from '../../web/src/i18n/zh-CN.find.ts';
import { zhCNImports } from '../../web/src/i18n/zh-CN.imports.ts';
import { zhCNLedger } from '../../web/src/i18n/zh-CN.ledger.ts';
import { zhCNMoney } from '../../web/src/i18n/zh-CN.money.ts';
import { zhCNRounds } from '../../web/src/i18n/zh-CN.rounds.ts';
import { type MessageKey, zhCN } from '../../web/src/i18n/zh-CN.ts';
import { WORDS } from '../../web/src/print/words.ts';
import { SAMPLE } from './i18n-sample.ts';

interface Term {
  zh: string;
  bo: string;
  en: string;
  boCheck: RegExp;
  enCheck: RegExp;
}

/** The checked table of docs/glossary.md (the first table; `\|` is a bar inside a cell). */
function glossary(): Term[] {
  const text = readFileSync('docs/glossary.md', 'utf8');
  const rows = text
    .split('\n## ')[0]!
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| 中文') && !l.startsWith('| ---'));
  return rows.map((l) => {
    const cells = l
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map((c) => c.trim().replace(/^`|`$/g, '').replace(/\\\|/g, '|'));
    const [zh, boWord, enWord, boCheck, enCheck] = cells as [string, string, string, string, string];
    return { zh, bo: boWord, en: enWord, boCheck: new RegExp(boCheck), enCheck: new RegExp(enCheck, 'i') };
  });
}

interface Entry {
  where: string;
  zh: string;
  bo: string;
  en?: string;
}

function entries(): Entry[] {
  const out: Entry[] = [];
  const chinese: Record<string, string> = { ...zhCN, ...zhCNDistrict, ...zhCNCommittee, ...zhCNLedger, ...zhCNFind, ...zhCNMoney, ...zhCNImports, ...zhCNRounds };
  for (const [k, zh] of Object.entries(chinese)) out.push({ where: `web ${k}`, zh, bo: bo[k as MessageKey], en: en[k as MessageKey] });
  for (const [k, w] of Object.entries(WORDS)) out.push({ where: `print ${k}`, zh: w.zh, bo: w.bo, en: 'en' in w ? w.en : undefined });
  const tables: Record<string, Record<string, Record<Lang, string>>> = {
    FIELD_LABELS,
    RECORD_WORDS,
    STATUS_WORDS,
    EVALUATION_WORDS,
    SCREENING_RULE_WORDS,
    EXCEPTION_KIND_WORDS,
    LEDGER_SHEET_WORDS,
  };
  // the kinds of evaluation are said before the word "evaluation" in English ("the mid-term evaluation")
  for (const [name, table] of Object.entries(tables))
    for (const [k, w] of Object.entries(table)) out.push({ where: `${name} ${k}`, zh: w['zh-CN'], bo: w.bo, en: name === 'EVALUATION_WORDS' ? undefined : w.en });
  for (const k of Object.keys(ERROR_MESSAGES)) {
    const [zh, boText, enText] = (['zh-CN', 'bo', 'en'] as const).map((lang) => errorText(k, SAMPLE, lang, 'amountRequestedFen') ?? '');
    out.push({ where: `error ${k}`, zh: zh!, bo: boText!, en: enText });
  }
  for (const action of Object.keys(HISTORY_MESSAGES)) {
    const event = { action, summary: action, params: SAMPLE, data: {} };
    const [zh, boText, enText] = (['zh-CN', 'bo', 'en'] as const).map((lang) => historyText(event, lang));
    out.push({ where: `history ${action}`, zh: zh!, bo: boText!, en: enText });
  }
  return out;
}

describe('the glossary', () => {
  const terms = glossary();

  it('is read from docs/glossary.md with every term of the brief', () => {
    expect(terms.map((t) => t.zh)).toEqual(expect.arrayContaining(['幸福工程', '贫困母亲', '轮次', '公示', '还款', '核销', '上缴', '三不一优先', '担保人', '放款', '评估', '逾期', '周转金']));
    for (const t of terms) {
      expect(t.bo, t.zh).toMatch(t.boCheck);
      expect(t.en, t.zh).toMatch(t.enCheck);
    }
  });

  it('is used by every catalogue wherever the Chinese has the term', () => {
    const problems: string[] = [];
    for (const e of entries())
      for (const t of terms) {
        if (!e.zh.includes(t.zh)) continue;
        if (!t.boCheck.test(e.bo)) problems.push(`${e.where} bo: ${t.zh} → ${t.bo} not in “${e.bo}”`);
        if (e.en !== undefined && !t.enCheck.test(e.en)) problems.push(`${e.where} en: ${t.zh} → ${t.en} not in “${e.en}”`);
      }
    expect(problems).toEqual([]);
  });
});
