import type { Role } from '../../auth.tsx';
import type { ApplicationDetail } from '../../api/records.ts';

/** What every section of the application page gets: the case file, who looks at it, and whether it is still open. */
export interface SectionProps {
  app: ApplicationDetail;
  role?: Role;
  open: boolean;
}
