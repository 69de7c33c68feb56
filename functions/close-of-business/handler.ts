/** Close of business: invoked daily by an EventBridge schedule (and by the dev server). */
import { logger } from '#shared/logger.ts';
import { closeOfBusiness } from '#shared/usecases/close-of-business.ts';

export const handler = async (): Promise<{ today: string; markedOverdue: number }> => {
  const result = await closeOfBusiness();
  logger.info('close of business', result);
  return result;
};
