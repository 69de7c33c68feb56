/**
 * Structured JSON logs (Powertools Logger), one logger per process. Everything logged goes
 * through `redact`, which masks anything shaped like a resident ID number, so personal
 * data never reaches the logs even inside an error message.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { maskResidentId } from './domain/resident-id.ts';

const RESIDENT_ID_LIKE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;

export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(RESIDENT_ID_LIKE, (id) => maskResidentId(id)) as T;
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)])) as T;
  return value;
}

const base = new Logger({ serviceName: 'happiness-loans', logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });

type Extra = Record<string, unknown>;

export const logger = {
  info: (message: string, extra: Extra = {}) => base.info(redact(message), redact(extra)),
  warn: (message: string, extra: Extra = {}) => base.warn(redact(message), redact(extra)),
  error: (message: string, extra: Extra = {}) => base.error(redact(message), redact(extra)),
  setLevel: (level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT') => base.setLogLevel(level),
};
