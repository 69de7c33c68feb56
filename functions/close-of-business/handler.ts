/** Close of business: invoked daily by an EventBridge schedule (and by the dev server). */
import { logger } from '#shared/logger.ts';
import { loadMotherKey } from '#shared/store/mother-key.ts';
import { closeOfBusiness } from '#shared/usecases/close-of-business.ts';

export const handler = async (): Promise<{ today: string; markedOverdue: number }> => {
  // a loan's item carries its mother's key: the HMAC key must be loaded before any loan is written
  await loadMotherKey();
  const result = await closeOfBusiness();
  logger.info('close of business', result);
  return result;
};
