/** Refusals about text messages to the mothers, in each language (spread into ERROR_MESSAGES). */
import type { Entry } from './catalogue.ts';

const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;

export const SMS_ERROR_MESSAGES = {
  sms_phone_missing: entry({
    'zh-CN': () => '母亲同意接收短信时必须填写她的手机号',
    bo: () => 'ཨ་མས་འཕྲིན་ཐུང་ལེན་པར་མོས་མཐུན་བྱས་ན་ཁོང་གི་ཁ་པར་ཨང་གྲངས་འབྲི་དགོས།',
    en: () => 'a mobile number is needed when she agrees to receive text messages',
  }),
  sms_off: entry({
    'zh-CN': () => '本系统未开通短信服务',
    bo: () => 'མ་ལག་འདིར་འཕྲིན་ཐུང་ཞབས་ཞུ་སྒོ་ཕྱེ་མེད།',
    en: () => 'text messages are not set up in this deployment',
  }),
};
