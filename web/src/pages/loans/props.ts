import type { Role } from '../../auth.tsx';
import type { LoanDetail } from '../../api/records.ts';

/** What every section of the loan page gets: the loan file and who looks at it. */
export interface SectionProps {
  loan: LoanDetail;
  role?: Role;
}
