/** English words of the form checks that name their rule (keys of zh-CN.checks.ts). */
import type { ChecksKey } from './zh-CN.checks.ts';

export const enChecks: Record<ChecksKey, string> = {
  v_receipt_characters: 'A receipt number may hold only letters A–Z, Chinese characters, digits, “-” and “/”; not: {chars}',
  v_hidden_characters: 'Must not contain invisible characters ({char}); type it again',
};
