/**
 * The texts of the messages to the mothers, in Tibetan and Chinese (the languages a mother
 * chooses), each meant to fit one SMS segment with the signature. Amounts in yuan with
 * separators, dates as people write them, the agreement number; never her resident ID.
 * Providers send a pre-approved template with these parameters (`SMS_TEMPLATE_PARAMS`);
 * the text here is what the template says, kept with the message so the log shows it.
 * The Tibetan is a draft for a native reader's review before the templates are filed.
 */
import type { SmsKind, SmsLang } from '../domain/sms.ts';
import { date, yuan } from './format.ts';

/** What a message's text is made from (amounts in fen, dates YYYY-MM-DD). */
export interface SmsParams {
  amountFen?: number;
  balanceFen?: number;
  agreementNo?: string;
  receiptNo?: string;
  dueOn?: string;
  /** collection day: the date, the place, the township's name */
  on?: string;
  place?: string;
  township?: string;
}

/** The signature every message starts with (registered with the provider). */
export const SMS_SIGNATURE: Record<SmsLang, string> = { 'zh-CN': '【幸福工程】', bo: '【བདེ་སྐྱིད་ལས་གཞི།】' };

type Text = (p: Required<SmsParams>, lang: SmsLang) => string;

const y = (fen: number, lang: SmsLang) => yuan(fen, lang).replace(' 元', '元');
const d = (iso: string, lang: SmsLang) => date(iso, lang);

export const SMS_TEXTS: Record<SmsKind, Record<SmsLang, Text>> = {
  payout: {
    'zh-CN': (p, l) => `您的借款${y(p.amountFen, l)}已发放，合同号${p.agreementNo}，请于${d(p.dueOn, l)}前还清。`,
    bo: (p, l) => `ཁྱེད་ཀྱི་བུ་ལོན་${y(p.amountFen, l)} སྤྲད་ཟིན། གན་རྒྱའི་ཨང་${p.agreementNo} ${d(p.dueOn, l)} སྔོན་ལ་འཇལ་རོགས།`,
  },
  repayment: {
    'zh-CN': (p, l) => `已收到您的还款${y(p.amountFen, l)}，收据号${p.receiptNo}，尚欠${y(p.balanceFen, l)}。与实付不符请告知区项目办。`,
    bo: (p, l) => `ཁྱེད་ཀྱི་བུ་ལོན་འཇལ་བ་${y(p.amountFen, l)} འབྱོར། བྱུང་རྒྱ་${p.receiptNo} ལྷག་མ་${y(p.balanceFen, l)}། མི་མཐུན་ན་ཆུས་ལ་བརྡ་སྐུལ་རོགས།`,
  },
  due_reminder: {
    'zh-CN': (p, l) => `您的借款将于${d(p.dueOn, l)}到期，尚欠${y(p.balanceFen, l)}，请按时还款。合同号${p.agreementNo}`,
    bo: (p, l) => `ཁྱེད་ཀྱི་བུ་ལོན་${d(p.dueOn, l)} ལ་དུས་ཚོད་ཐིམ། ལྷག་མ་${y(p.balanceFen, l)} དུས་ཐོག་འཇལ་རོགས། གན་རྒྱའི་ཨང་${p.agreementNo}`,
  },
  overdue_notice: {
    'zh-CN': (p, l) => `您的借款已于${d(p.dueOn, l)}到期，尚欠${y(p.balanceFen, l)}，请尽快到乡里还款。合同号${p.agreementNo}`,
    bo: (p, l) => `ཁྱེད་ཀྱི་བུ་ལོན་${d(p.dueOn, l)} ལ་དུས་ཚོད་ཐིམ་ཟིན། ལྷག་མ་${y(p.balanceFen, l)} མྱུར་དུ་ཤང་དུ་འཇལ་རོགས། གན་རྒྱའི་ཨང་${p.agreementNo}`,
  },
  collection_day: {
    'zh-CN': (p, l) => `${p.township}将于${d(p.on, l)}在${p.place}收还款，您尚欠${y(p.balanceFen, l)}。合同号${p.agreementNo}`,
    bo: (p, l) => `${p.township}ནས་${d(p.on, l)} ལ་${p.place}དུ་བུ་ལོན་སྡུད། ལྷག་མ་${y(p.balanceFen, l)}། གན་རྒྱའི་ཨང་${p.agreementNo}`,
  },
};

/** The parameters each kind's pre-approved template takes, in order (the providers' template variables). */
export const SMS_TEMPLATE_PARAMS: Record<SmsKind, (keyof SmsParams)[]> = {
  payout: ['amountFen', 'agreementNo', 'dueOn'],
  repayment: ['amountFen', 'receiptNo', 'balanceFen'],
  due_reminder: ['dueOn', 'balanceFen', 'agreementNo'],
  overdue_notice: ['dueOn', 'balanceFen', 'agreementNo'],
  collection_day: ['township', 'on', 'place', 'balanceFen', 'agreementNo'],
};

const EMPTY: Required<SmsParams> = { amountFen: 0, balanceFen: 0, agreementNo: '', receiptNo: '', dueOn: '', on: '', place: '', township: '' };

/** The whole text of a message as the mother reads it, signature first. */
export function smsText(kind: SmsKind, lang: SmsLang, params: SmsParams): string {
  return `${SMS_SIGNATURE[lang]}${SMS_TEXTS[kind][lang]({ ...EMPTY, ...params }, lang)}`;
}

/** The template variables of a message as the provider wants them: strings, amounts and dates written out. */
export function templateValues(kind: SmsKind, lang: SmsLang, params: SmsParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SMS_TEMPLATE_PARAMS[kind]) {
    const value = params[name];
    if (value === undefined) continue;
    out[name] = typeof value === 'number' ? y(value, lang) : name === 'dueOn' || name === 'on' ? d(value, lang) : value;
  }
  return out;
}
