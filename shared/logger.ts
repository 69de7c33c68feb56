/** Structured JSON logs (Powertools Logger), one logger per process. */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'happiness-loans', logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
