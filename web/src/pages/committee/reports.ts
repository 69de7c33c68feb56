/** The report answers of GET /reports/* as the dashboard reads them, and the dashboard's route state. */
import { api } from '../../api.ts';

export type GroupBy = 'district' | 'township' | 'round' | 'year';
export const GROUP_BYS: GroupBy[] = ['district', 'township', 'round', 'year'];

export interface Band {
  loans: number;
  fen: number;
}

export interface RowBase {
  groupBy: GroupBy | 'total';
  id: string;
  label: string;
  districtId?: string;
}

export interface RepaymentRow extends RowBase {
  fallenDueFen: number;
  repaidOnDueLoansFen: number;
  repaidOnTimeFen: number;
  repaymentRateBp: number | null;
  onTimeRateBp: number | null;
  outstandingFen: number;
  arrearsFen: number;
  arrearsLoans: number;
  par30Fen: number;
  par30Bp: number | null;
  ageing: { days1to30: Band; days31to90: Band; days91to180: Band; days181plus: Band };
  writtenOffFen: number;
}

export interface PortfolioRow extends RowBase {
  approved: Band;
  active: Band;
  overdue: Band;
  repaid: Band;
  writtenOff: Band;
  disbursed: Band;
  outstandingFen: number;
}

export interface OutcomeRow extends RowBase {
  mothersHelped: number;
  householdMembersReached: number;
  villagesCovered: number;
  finalEvaluations: number;
  leftPoverty: number;
  incomeGainedFen: number;
  povertyExitRateBp: number | null;
}

export interface Report<R> {
  asOf: string;
  groupBy: GroupBy;
  rows: R[];
}

export interface FundRow {
  districtId: string;
  label: string;
  grantedFen: number;
  lentOutFen: number;
  recoveredFen: number;
  writtenOffFen: number;
  outstandingFen: number;
  cashHeldFen: number;
  availableToRelendFen: number;
  roundsOpened: number;
  roundsCompleted: number;
}

export interface Office {
  id: string;
  level: 'committee' | 'district' | 'township' | 'village';
  name: string;
  nameEn?: string;
  parentId?: string;
}

export interface LoanItem {
  id: string;
  roundId: string;
  districtId: string;
  townshipId: string;
  villageId: string;
  mother: { name: string };
  principalFen: number;
  repaidFen: number;
  balanceFen: number;
  status: string;
  dueOn?: string;
  approvedOn: string;
  disbursement?: { disbursedOn: string };
  overdue: boolean;
  daysPastDue: number;
}

export interface Dashboard {
  repayment: Report<RepaymentRow>;
  portfolio: Report<PortfolioRow>;
  outcomes: Report<OutcomeRow>;
  fund: { asOf: string; rows: FundRow[] };
}

/** Where the dashboard is: every district, one district, or one township of a district. */
export interface View {
  level: 'all' | 'district' | 'township';
  groupBy: GroupBy;
  asOf?: string;
  districtId?: string;
  townshipId?: string;
  /** a district office sees only its own district: it is the top of its breadcrumb */
  ownDistrict?: string;
}

const districtOf = (officeId: string) => officeId.split('.').slice(0, 2).join('.');
const isDate = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

export function parseView(query: URLSearchParams, session: { role: string; officeId: string } | undefined): View {
  const ownDistrict = session && session.role !== 'committee' && session.officeId.includes('.') ? districtOf(session.officeId) : undefined;
  const asOf = isDate(query.get('asOf')) ? query.get('asOf')! : undefined;
  const townshipParam = query.get('townshipId') || undefined;
  const districtId = ownDistrict ?? (query.get('districtId') || (townshipParam ? districtOf(townshipParam) : undefined));
  const townshipId = townshipParam && districtId && townshipParam.startsWith(`${districtId}.`) && townshipParam.split('.').length === 3 ? townshipParam : undefined;
  const asked = GROUP_BYS.find((g) => g === query.get('groupBy'));
  if (townshipId) return { level: 'township', groupBy: 'township', asOf, districtId, townshipId, ownDistrict };
  if (districtId) return { level: 'district', groupBy: !asked || asked === 'district' ? 'township' : asked, asOf, districtId, ownDistrict };
  return { level: 'all', groupBy: asked ?? 'district', asOf };
}

/** The hash route of a dashboard view. */
export function dashboardRoute(v: { groupBy?: GroupBy; asOf?: string; districtId?: string; townshipId?: string }): string {
  const q = new URLSearchParams();
  if (v.groupBy) q.set('groupBy', v.groupBy);
  if (v.asOf) q.set('asOf', v.asOf);
  if (v.districtId) q.set('districtId', v.districtId);
  if (v.townshipId) q.set('townshipId', v.townshipId);
  return `/dashboard?${q}`;
}

/** The query every report of a view is asked with. */
export function reportQuery(v: View): Record<string, string> {
  const q: Record<string, string> = { groupBy: v.groupBy };
  if (v.asOf) q.asOf = v.asOf;
  if (v.districtId) q.districtId = v.districtId;
  return q;
}

export async function loadDashboard(v: View, signal: AbortSignal): Promise<Dashboard> {
  const query = reportQuery(v);
  const [repayment, portfolio, outcomes, fund] = await Promise.all([
    api.get<Report<RepaymentRow>>('/reports/repayment', { query, signal }),
    api.get<Report<PortfolioRow>>('/reports/portfolio', { query, signal }),
    api.get<Report<OutcomeRow>>('/reports/outcomes', { query, signal }),
    api.get<Dashboard['fund']>('/reports/fund', { query: v.districtId ? { districtId: v.districtId } : {}, signal }),
  ]);
  return { repayment, portfolio, outcomes, fund };
}
