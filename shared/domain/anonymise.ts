/**
 * What anonymising a mother's records removes (PIPL art. 47; the consent form's promise) and
 * what it keeps. Removed: her name, resident ID and phone, wherever they are written (in a
 * field, or inside a history text); the household's free-text details (project plan, visit
 * and evaluation notes, objections); the guarantors' and signatories' names; the SMS text.
 * Kept: every amount, date, status, count, office and id, so reports and the fund are
 * unchanged. A pure rule: the retention job (shared/usecases/retention.ts) applies it.
 */
import { addMonths } from './dates.ts';

/** What stands where personal data was. */
export const ANONYMISED = '***';

/** Free-text fields about her or her household: replaced wherever they occur. */
const TEXT_FIELDS = new Set([
  'motherName',
  'publicName',
  'story',
  'notes',
  'content',
  'raisedBy',
  'description',
  'fundUse',
  'progress',
  'operatingState',
  'problems',
  'actionsUrged',
  'leftPovertyNote',
]);
/** Fields removed outright (`answer` and `idem`: a request's replay answer kept on a history event, and the map to it on its record: shared/store/idempotency.ts). */
const DROPPED = new Set(['phone', 'sms', 'answer', 'idem']);

interface Person {
  name?: unknown;
  residentId?: unknown;
  phone?: unknown;
}
interface WithPeople {
  mother?: Person;
  agreement?: { guarantors?: Record<string, unknown>; signatories?: { name?: unknown }[] };
}

/** The words to remove from every text of her records: her name, ID and phone, the guarantors' and signatories' names. */
export function secretsOf(records: readonly WithPeople[]): string[] {
  const words = records.flatMap((r) => [
    r.mother?.name,
    r.mother?.residentId,
    r.mother?.phone,
    ...Object.values(r.agreement?.guarantors ?? {}),
    ...(r.agreement?.signatories ?? []).map((s) => s.name),
  ]);
  const found = words.filter((w): w is string => typeof w === 'string' && w.trim().length >= 2 && w !== ANONYMISED);
  // longest first, so a name inside a longer one is not replaced half
  return [...new Set(found)].sort((a, b) => b.length - a.length);
}

function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(ANONYMISED);
  return out;
}

/**
 * `value` with her personal data removed: the `mother` becomes `{ name: ***, residentId: *** }`,
 * free-text fields and guarantors' names become ***, phones and SMS choices go, and any of
 * `secrets` left in a text is replaced. Applying it twice gives the same result.
 */
export function scrub(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  // packed attributes (shared/store/packed.ts) hold no personal data: kept as they are
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED.has(key)) continue;
    if (key === 'mother' && typeof v === 'object' && v !== null) out[key] = { name: ANONYMISED, residentId: ANONYMISED };
    else if (TEXT_FIELDS.has(key) && typeof v === 'string') out[key] = ANONYMISED;
    else if (key === 'visitors' && Array.isArray(v)) out[key] = v.map(() => ANONYMISED);
    else if (key === 'guarantors' && typeof v === 'object' && v !== null) out[key] = Object.fromEntries(Object.keys(v).map((k) => [k, ANONYMISED]));
    else if (key === 'signatories' && Array.isArray(v)) out[key] = v.map((s: unknown) => (typeof s === 'object' && s !== null ? { ...s, name: ANONYMISED } : s));
    else out[key] = scrub(v, secrets);
  }
  return out;
}

/** The cut-off: loans closed on or before this day are past a retention of `years` on `today` (29 February → 28th). */
export function retentionCutoff(today: string, years: number): string {
  return addMonths(today, -12 * years);
}
