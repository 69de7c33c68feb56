/** Shared parts of the evaluation report pages: the report's kind and state in words, as badges. */
import type { ResponseOf } from '../../../../shared/routes.ts';
import '../../i18n/zh-CN.evaluation-reports.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import './evaluation-reports.css';

export type Report = ResponseOf<'GET /evaluation-reports/{id}'>;
export type DueOverview = ResponseOf<'GET /evaluation-reports/due'>;
export type DueRow = DueOverview['districts'][number]['rows'][number];

export const KIND_WORDS: Record<Report['kind'], MessageKey> = { midterm: 'er_kind_midterm', yearend: 'er_kind_yearend', final: 'er_kind_final' };

const STATE_WORDS: Record<DueRow['state'] | Report['status'], MessageKey> = {
  due: 'er_state_due',
  overdue: 'er_state_overdue',
  drafted: 'er_state_drafted',
  draft: 'er_state_draft',
  submitted: 'er_state_submitted',
  received: 'er_state_received',
  revision_requested: 'er_state_revision_requested',
};

/** Where a report stands, as a badge (`data-state` for tests and styles). */
export function StateBadge({ state }: { state: DueRow['state'] | Report['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`badge er-badge er-${state}`} data-state={state}>
      {t(STATE_WORDS[state])}
    </span>
  );
}

/** Recovered share of the money paid out, in basis points (integer arithmetic on fen). */
export const recoveryBp = (repaidFen: number, disbursedFen: number): number | undefined => (disbursedFen > 0 ? Math.round((repaidFen * 10_000) / disbursedFen) : undefined);
