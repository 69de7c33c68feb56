/** The report answers of GET /reports/* as the dashboard reads them, and the dashboard's route state. */
import '../../i18n/zh-CN.committee.ts';
import { call } from '../../api/client.ts';

export type { Band, FundRow, GroupBy, LoanItem, Office, OutcomeRow, PortfolioRow, RepaymentRow, Report, RowBase } from '../../api/responses.ts';
import type { FundRow, GroupBy, OutcomeRow, PortfolioRow, RepaymentRow, Report } from '../../api/responses.ts';

export const GROUP_BYS: GroupBy[] = ['district', 'township', 'round', 'year'];

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
    call('GET /reports/repayment', { query, signal }),
    call('GET /reports/portfolio', { query, signal }),
    call('GET /reports/outcomes', { query, signal }),
    call('GET /reports/fund', { query: v.districtId ? { districtId: v.districtId } : {}, signal }),
  ]);
  return { repayment, portfolio, outcomes, fund };
}
