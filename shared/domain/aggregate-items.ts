/**
 * Where the report groups' counters live. Every group of a district — the district itself, its
 * townships, its rounds, its years of disbursement — shares the district's items: one item per
 * (district, day) `AGG#district#{districtId}` / `D#{date}`, one per (district, month) `M#{yyyy-mm}`,
 * one first-seen marker per (district, person or village) `SEEN#…`. The district's own counters
 * are plain attributes (`repaidFen`), the other groups' are prefixed:
 *
 * - township `{districtId}.{t}`: `t#{t}#rF` (the township id's last part);
 * - round `{roundId}` of the district: `r#{roundId}#rF`;
 * - year `{yyyy}`: `y#{yyyy}#rF`;
 *
 * where a prefixed counter is named by its short code (`COUNTER_CODES`: `rF` is `repaidFen`), so
 * that a month item carrying 12 townships and 4 rounds stays a few KB (a write is billed by the
 * item's size) and the district's own counters keep the names they always had.
 *
 * So a change writes one day and one month item per date, whatever the number of groups it moves,
 * and a report reads the district's items and picks a group's attributes.
 */
import type { Delta, Metric } from './aggregates.ts';
import { ancestorAt } from './offices.ts';

export type Counters = Record<string, number>;

/** The partition of a district's aggregate items (the district group's own, as it always was). */
export const aggregatePk = (districtId: string) => `AGG#district#${districtId}`;

export interface Slot {
  districtId: string;
  /** before each counter's name: '' for the district itself */
  prefix: string;
}

/**
 * The district and attribute prefix of a report group: `district#{d}`, `township#{t}`,
 * `round#{d}#{roundId}`, `year#{d}#{yyyy}`.
 */
export function slotOf(group: string): Slot {
  const [kind, first, second] = group.split('#') as [string, string, string | undefined];
  switch (kind) {
    case 'district':
      return { districtId: first, prefix: '' };
    case 'township': {
      const districtId = ancestorAt(first, 'district');
      if (!districtId || districtId === first) break;
      return { districtId, prefix: `t#${first.slice(districtId.length + 1)}#` };
    }
    case 'round':
      if (second) return { districtId: first, prefix: `r#${second}#` };
      break;
    case 'year':
      if (second) return { districtId: first, prefix: `y#${second}#` };
      break;
  }
  throw new Error(`not a report group: ${group}`);
}

/**
 * The short name of each counter in a prefixed (township, round, year) attribute. Stored data is
 * named by these: a code is never changed nor reused.
 */
export const COUNTER_CODES: Record<Metric, string> = {
  approvedLoans: 'aL',
  approvedFen: 'aF',
  disbursedLoans: 'dL',
  disbursedFen: 'dF',
  dueLoans: 'uL',
  dueFen: 'uF',
  repaidFen: 'rF',
  writtenOffFen: 'wF',
  closedLoans: 'cL',
  repaidLoans: 'rL',
  writtenOffLoans: 'wL',
  earlyRepaidFen: 'eR',
  lateRepaidFen: 'lR',
  earlyRemovedFen: 'eF',
  earlyClosedLoans: 'eL',
  lateRemovedFen1: 'lF1',
  lateRemovedFen31: 'lF31',
  lateRemovedFen91: 'lF91',
  lateRemovedFen181: 'lF181',
  lateRemovedByDueFen1: 'bF1',
  lateRemovedByDueFen31: 'bF31',
  lateRemovedByDueFen91: 'bF91',
  lateRemovedByDueFen181: 'bF181',
  lateClosedLoans1: 'lL1',
  lateClosedLoans31: 'lL31',
  lateClosedLoans91: 'lL91',
  lateClosedLoans181: 'lL181',
  lateClosedByDueLoans1: 'bL1',
  lateClosedByDueLoans31: 'bL31',
  lateClosedByDueLoans91: 'bL91',
  lateClosedByDueLoans181: 'bL181',
  mothers: 'm',
  householdMembers: 'h',
  villages: 'v',
  finalEvaluations: 'fE',
  leftPoverty: 'lP',
  incomeGainedFen: 'iF',
  womenChecked: 'wC',
  illnessesFound: 'iN',
  illnessesTreated: 'iT',
  illnessesCured: 'iC',
  trainingSessions: 'tS',
  mothersTrained: 'mT',
};

const METRIC_OF_CODE = new Map(Object.entries(COUNTER_CODES).map(([metric, code]) => [code, metric]));

/** The attribute of a counter in a group's slot: the district's own by its name, the others' prefix and code. */
export function counterName(prefix: string, counter: string): string {
  if (prefix === '') return counter;
  const code = COUNTER_CODES[counter as Metric];
  if (!code) throw new Error(`not a report counter: ${counter}`);
  return `${prefix}${code}`;
}

/** The group and counter an attribute of a district's aggregate item stands for (the inverse of `slotOf`). */
export function groupOfAttribute(districtId: string, attribute: string): { group: string; counter: string } {
  const match = /^([try])#([^#]+)#(.+)$/.exec(attribute);
  if (!match) return { group: `district#${districtId}`, counter: attribute };
  const [, kind, id, code] = match as unknown as [string, 't' | 'r' | 'y', string, string];
  const group = kind === 't' ? `township#${districtId}.${id}` : kind === 'r' ? `round#${districtId}#${id}` : `year#${districtId}#${id}`;
  return { group, counter: METRIC_OF_CODE.get(code) ?? code };
}

/** The counters named as attributes of the group's slot (see `counterName`). */
export function prefixed(prefix: string, counters: Delta['metrics'] | Counters): Counters {
  return Object.fromEntries(Object.entries(counters).map(([k, v]) => [counterName(prefix, k), v as number]));
}

export interface AggregateItem {
  pk: string;
  sk: string;
  counters: Counters;
}

/**
 * The day and month items that dated deltas of groups add to: one per (district, day) and one per
 * (district, month), each with the prefixed counters of every group it carries; zero counters dropped.
 */
export function aggregateItems(entries: Iterable<{ group: string; deltas: Delta[] }>): AggregateItem[] {
  const items = new Map<string, AggregateItem>();
  const add = (pk: string, sk: string, counters: Counters) => {
    const id = `${pk}|${sk}`;
    const item = items.get(id) ?? { pk, sk, counters: {} };
    for (const [k, v] of Object.entries(counters)) item.counters[k] = (item.counters[k] ?? 0) + v;
    items.set(id, item);
  };
  for (const { group, deltas } of entries) {
    const { districtId, prefix } = slotOf(group);
    const pk = aggregatePk(districtId);
    for (const d of deltas) {
      const counters = prefixed(prefix, d.metrics);
      add(pk, `D#${d.date}`, counters);
      add(pk, `M#${d.date.slice(0, 7)}`, counters);
    }
  }
  return [...items.values()]
    .map((item) => ({ ...item, counters: Object.fromEntries(Object.entries(item.counters).filter(([, v]) => v !== 0)) }))
    .filter((item) => Object.keys(item.counters).length > 0)
    .sort((a, b) => (a.pk === b.pk ? a.sk.localeCompare(b.sk) : a.pk < b.pk ? -1 : 1));
}

/** Counters an UpdateItem may ADD at once (DynamoDB allows 300 operators and 4 KB per expression). */
export const COUNTERS_PER_UPDATE = 100;

/** `ADD` of the counters, with placeholders (a prefixed name holds `#` and `.`). */
export function addExpression(counters: Counters): { expression: string; names: Record<string, string>; values: Record<string, number> } {
  const entries = Object.entries(counters);
  return {
    expression: `ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:c${i}`, v])),
  };
}

// ---------- first-seen markers ----------

/** A group's state in a first-seen marker item: the date the subject was first counted there, and what was counted. */
export interface Seen {
  firstOn: string;
  metrics: Counters;
}

/** A group's state read from a marker item (the district's own: `firstOn`, `metrics`; others prefixed). */
export function seenIn(item: Record<string, unknown> | undefined, prefix: string): Seen | undefined {
  const firstOn = item?.[`${prefix}firstOn`];
  return typeof firstOn === 'string' ? { firstOn, metrics: (item?.[`${prefix}metrics`] as Counters | undefined) ?? {} } : undefined;
}

/**
 * What counting a subject (a mother, a village, a checked woman) in some groups changes: per group
 * either nothing (already counted on that date or earlier), a first count on `date`, or a move of
 * the count from a later date to `date`. Returns the marker's new per-group states with the state
 * each expected, and the report deltas.
 */
export function firstSeenChanges(
  item: Record<string, unknown> | undefined,
  entries: { group: string; date: string; metrics: Counters }[],
): { sets: { prefix: string; seen: Seen; expected?: string }[]; deltas: { group: string; deltas: Delta[] }[] } {
  const sets: { prefix: string; seen: Seen; expected?: string }[] = [];
  const deltas: { group: string; deltas: Delta[] }[] = [];
  for (const { group, date, metrics } of entries) {
    const { prefix } = slotOf(group);
    const existing = seenIn(item, prefix);
    if (!existing) {
      sets.push({ prefix, seen: { firstOn: date, metrics } });
      deltas.push({ group, deltas: [{ date, metrics }] });
    } else if (date < existing.firstOn) {
      sets.push({ prefix, seen: { firstOn: date, metrics }, expected: existing.firstOn });
      const negative = Object.fromEntries(Object.entries(existing.metrics).map(([k, v]) => [k, -v]));
      deltas.push({
        group,
        deltas: [
          { date: existing.firstOn, metrics: negative },
          { date, metrics },
        ],
      });
    }
  }
  return { sets, deltas };
}

/** The UpdateItem of a marker item: SET each changed group's state, on the condition that each is still as read. */
export function markerUpdate(sets: { prefix: string; seen: Seen; expected?: string }[]) {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':seen': 'SEEN' };
  const assignments = ['#type = :seen'];
  const conditions: string[] = [];
  sets.forEach(({ prefix, seen, expected }, i) => {
    names[`#f${i}`] = `${prefix}firstOn`;
    names[`#m${i}`] = `${prefix}metrics`;
    values[`:f${i}`] = seen.firstOn;
    values[`:m${i}`] = seen.metrics;
    assignments.push(`#f${i} = :f${i}`, `#m${i} = :m${i}`);
    if (expected === undefined) conditions.push(`attribute_not_exists(#f${i})`);
    else {
      values[`:o${i}`] = expected;
      conditions.push(`#f${i} = :o${i}`);
    }
  });
  return { update: { expression: `SET ${assignments.join(', ')}`, names, values }, condition: conditions.join(' AND ') };
}
