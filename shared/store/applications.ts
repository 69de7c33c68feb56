/**
 * Applications: the application item with its visits, objections and history in one
 * partition (`APP#{id}`), so the whole case is one Query; listed by round or district
 * and status through the casesByRound / casesByScope indexes (then read by key), and per mother
 * through byMother.
 */
import type { Application, HistoryEvent, Objection, Visit } from '../domain/entities.ts';
import { ConcurrentChange, Conflict } from '../domain/errors.ts';
import { recordsOfPage } from './index-records.ts';
import { INDEX, keys, motherIndexKeys, nameKeys, scopeKeys } from './keys.ts';
import { packed } from './packed.ts';
import { queryIndex, queryPartition, strip, type Page } from './records.ts';
import type { Transaction } from './transaction.ts';

export interface ApplicationCase {
  application: Application;
  visits: Visit[];
  objections: Objection[];
  history: HistoryEvent[];
}

export async function loadApplicationCase(id: string): Promise<ApplicationCase | undefined> {
  const items = await queryPartition(keys.application(id).pk);
  const root = items.find((i) => i.sk === 'APP');
  if (!root) return undefined;
  const of = <T>(prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map((i) => strip<T>(i));
  const application = strip<Application>(root);
  const history = of<HistoryEvent>('EVENT#');
  return {
    application,
    visits: of<Visit>('VISIT#'),
    objections: of<Objection>('OBJECTION#'),
    // applications submitted before 6 December 2026 have their submission stored as an event as well
    history: history.some((e) => e.action === SUBMITTED) ? history : [submissionEvent(application), ...history],
  };
}

const SUBMITTED = 'application_submitted';

/**
 * The first entry of an application's history, read from the application itself: its
 * submission is recorded by the record (who, when, the amount, the paper date, back-dated or
 * not), fields no later step changes, so no history item repeats them (one item fewer for
 * every application, and for each row of an import).
 */
export function submissionEvent(app: Application): HistoryEvent {
  return {
    at: app.submittedAt,
    actor: app.submittedBy,
    action: SUBMITTED,
    summary: `application for ${app.amountRequestedFen} fen submitted`,
    params: {
      amountRequestedFen: app.amountRequestedFen,
      submittedOn: app.submittedOn,
      ...(app.backDated ? { backDated: true, daysLate: app.backDated.daysLate } : {}),
    },
  };
}

/** The stored application: its keys, and its screening result packed (./packed.ts). */
function itemOf(app: Application) {
  return {
    ...keys.application(app.id),
    type: 'APP',
    ...scopeKeys('APP', { id: app.id, status: app.status, districtId: app.districtId, officeId: app.villageId, roundId: app.roundId }),
    // an anonymised application is found by no mother and no name (the retention job, shared/usecases/retention.ts)
    ...(app.anonymisedOn
      ? {}
      : {
          ...motherIndexKeys(app.mother.residentId, app.submittedAt, 'APP', app.id),
          ...nameKeys('APP', { id: app.id, districtId: app.districtId, motherName: app.mother.name }),
        }),
    ...packed(app),
  };
}

export function stageNewApplication(tx: Transaction, app: Application): void {
  tx.create(itemOf(app));
}

/** Saves a changed application if nobody changed it since it was read (version + 1). */
export function stageApplicationUpdate(tx: Transaction, app: Application): Application {
  const next = { ...app, version: app.version + 1 };
  tx.replace(itemOf(next), app.version, () => new ConcurrentChange(`application ${app.id}`));
  return next;
}

export function stageNewVisit(tx: Transaction, applicationId: string, visit: Visit): void {
  tx.create({ ...keys.visit(applicationId, visit.id), type: 'VISIT', ...visit });
}

export function stageNewObjection(tx: Transaction, applicationId: string, objection: Objection): void {
  tx.create({ ...keys.objection(applicationId, objection.id), type: 'OBJECTION', ...objection });
}

export function stageObjectionResolution(tx: Transaction, applicationId: string, objection: Objection): void {
  tx.update(
    keys.objection(applicationId, objection.id),
    { expression: 'SET #status = :status, #resolution = :resolution', names: { '#resolution': 'resolution' }, values: { ':status': objection.status, ':resolution': objection.resolution } },
    { expression: '#status = :open', names: { '#status': 'status' }, values: { ':open': 'open' }, onFail: () => new Conflict(`objection ${objection.id} is already resolved`, 'already_resolved') },
  );
}

export interface ListOptions {
  status?: string;
  /** office subtree within the partition, ending in '.' (a township sees only its villages) */
  officePrefix?: string;
  limit: number;
  cursor?: string;
}

/** Key condition on `{status}#{officeId}#…`: by status, and by office when a status is given. */
export function scopedQuery(opts: ListOptions) {
  if (opts.status) {
    return { skPrefix: `${opts.status}#${opts.officePrefix ?? ''}` };
  }
  return opts.officePrefix ? { filter: { expression: 'begins_with(#officeId, :office)', names: { '#officeId': 'villageId' }, values: { ':office': opts.officePrefix } } } : {};
}

/** A page of applications of a round or of districts: the index lists them (ids only), one BatchGetItem reads them whole. */
export async function listApplications(by: { roundId: string } | { districtIds: string[] }, opts: ListOptions): Promise<Page<Application>> {
  const common = { ...scopedQuery(opts), limit: opts.limit, cursor: opts.cursor };
  const listed =
    'roundId' in by
      ? await queryIndex<{ id: string }>({ index: INDEX.casesByRound, pkName: 'caseRoundPk', skName: 'caseRoundSk', partitions: [`APP#${by.roundId}`], ...common })
      : await queryIndex<{ id: string }>({ index: INDEX.casesByScope, pkName: 'casePk', skName: 'caseSk', partitions: by.districtIds.map((d) => `APP#${d}`), ...common });
  return recordsOfPage<Application>(listed, (id) => keys.application(id));
}
