/**
 * Structured JSON logs, one line per entry on stdout (stderr for errors), in the shape
 * Powertools Logger writes (`level`, `message`, `timestamp`, `service`, the X-Ray trace id,
 * then the entry's own keys), without its 20 KB in every bundle. Everything logged goes
 * through `redact`, which masks anything shaped like a resident ID number, so personal data
 * never reaches the logs even inside an error message.
 */
import { maskResidentId } from './domain/resident-id.ts';

const RESIDENT_ID_LIKE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;

export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(RESIDENT_ID_LIKE, (id) => maskResidentId(id)) as T;
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value instanceof Error) return redact({ name: value.name, message: value.message, stack: value.stack }) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)])) as T;
  return value;
}

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
const RANK: Record<Level, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3, SILENT: 4 };
const SERVICE = process.env.POWERTOOLS_SERVICE_NAME ?? 'happiness-loans';
let threshold = RANK[(process.env.LOG_LEVEL?.toUpperCase() as Level | undefined) ?? 'INFO'] ?? RANK.INFO;

type Extra = Record<string, unknown>;

function write(level: Exclude<Level, 'SILENT'>, message: string, extra: Extra): void {
  if (RANK[level] < threshold) return;
  const trace = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
  const line = JSON.stringify({ level, message: redact(message), timestamp: new Date().toISOString(), service: SERVICE, ...(trace ? { xray_trace_id: trace } : {}), ...redact(extra) });
  (level === 'ERROR' || level === 'WARN' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  info: (message: string, extra: Extra = {}) => write('INFO', message, extra),
  warn: (message: string, extra: Extra = {}) => write('WARN', message, extra),
  error: (message: string, extra: Extra = {}) => write('ERROR', message, extra),
  setLevel: (level: Level) => {
    threshold = RANK[level];
  },
};
