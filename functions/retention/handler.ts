/** The retention job: invoked daily by an EventBridge schedule; anonymises the mothers past the retention period. */
import { logger } from '#shared/logger.ts';
import { loadMotherKey } from '#shared/store/mother-key.ts';
import { type RetentionResult, runRetention } from '#shared/usecases/retention.ts';

export const handler = async (): Promise<RetentionResult> => {
  // a mother is found by her resident ID's keyed hash: the HMAC key must be loaded first
  await loadMotherKey();
  const result = await runRetention();
  logger.info('retention', { ...result });
  return result;
};
