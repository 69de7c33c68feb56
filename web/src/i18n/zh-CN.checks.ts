/** Chinese words of the form checks that name their rule (a receipt number's characters, hidden characters). Loaded with the form messages. */
import { addChinese } from './chinese.ts';

export const zhCNChecks = {
  v_receipt_characters: '收据号只能包含字母 A–Z、汉字、数字、“-”和“/”，不能有：{chars}',
  v_hidden_characters: '不能包含看不见的字符（{char}），请重新输入',
} as const satisfies Record<`v_${string}`, string>;

export type ChecksKey = keyof typeof zhCNChecks;

addChinese(zhCNChecks);
