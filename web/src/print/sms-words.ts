/**
 * The printed words of text messages and of the receipt check (QR code), Tibetan (`bo`) and
 * Chinese (`zh`) side by side like `words.ts`; English only to tell developers what a line says.
 */
import type { Word } from './words.ts';

export const SMS_WORDS = {
  qr_receipt: { bo: 'ཨར་ཀོཌ་བཤེར་ནས་འཛིན་ཤོག་འདི་ངོ་མ་ཡིན་མིན་ཞིབ་བཤེར་བྱེད།', zh: '扫码核验本收据真伪', en: 'Scan to check that this receipt is genuine' },
  qr_card: { bo: 'ཨར་ཀོཌ་བཤེར་ནས་ཐེངས་མཐའ་མའི་བུ་ལོན་འཇལ་བ་ཞིབ་བཤེར་བྱེད།', zh: '扫码核验最近一次还款', en: 'Scan to check the latest repayment' },
  cs_sms_title: { bo: 'འཕྲིན་ཐུང་གི་བརྡ་ཐོ།', zh: '短信通知', en: 'Text messages' },
  cs_sms_text: {
    bo: 'ཁྱེད་མོས་མཐུན་ཡོད་ན། བུ་ལོན་སྤྲོད་དུས་དང་བུ་ལོན་འཇལ་རེས། དུས་ཚོད་མ་སླེབ་གོང་དང་དུས་ཡོལ་རྗེས་སུ་ཁྱེད་ཀྱི་ཁ་པར་ལ་འཕྲིན་ཐུང་གཏོང་། འཕྲིན་ཐུང་ནང་དངུལ་གྲངས་དང་ཚེས་གྲངས། གྲོས་མཐུན་གྱི་ཨང་ཡོད། ཐོབ་ཐང་ལག་ཁྱེར་ཨང་མེད། དུས་ནམ་ཡིན་རུང་མཚམས་འཇོག་ཆོག',
    zh: '如您同意，在放款时、每次还款后、到期前和逾期后，会给您的手机发短信，写明金额、日期和协议编号，不含身份证号。您可以随时要求停止。',
    en: 'If you agree, text messages go to your phone at the payout, after each repayment, before the due date and when overdue, with the amount, the date and the agreement number, never your ID number. You can stop them at any time.',
  },
  cs_sms_agree: { bo: 'འཕྲིན་ཐུང་ལེན་པར་མོས་མཐུན།', zh: '同意接收短信', en: 'Agrees to text messages' },
  cs_sms_yes_no: { bo: '☐ མོས་མཐུན་ཡོད།  ☐ མོས་མཐུན་མེད།', zh: '☐ 同意  ☐ 不同意', en: '☐ yes ☐ no' },
  cs_sms_lang: { bo: 'འཕྲིན་ཐུང་གི་སྐད་ཡིག', zh: '短信语言', en: 'Language' },
  cs_sms_lang_choice: { bo: '☐ བོད་ཡིག  ☐ རྒྱ་ཡིག', zh: '☐ 藏文  ☐ 中文', en: '☐ Tibetan ☐ Chinese' },
  cs_sms_phone: { bo: 'ཁ་པར་ཨང་གྲངས།', zh: '手机号', en: 'Mobile number' },
} as const satisfies Record<string, Word>;
