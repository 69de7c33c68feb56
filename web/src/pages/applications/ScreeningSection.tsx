/** The screening, rule by rule ("three nos and one priority"), and the button that runs it. */
import { Person } from '../../ui/person.tsx';
import { useState } from 'react';
import type { ScreeningResult } from '../../../../shared/domain/entities.ts';
import { write } from '../../api/queries.ts';
import { inChina } from '../../i18n/format.ts';
import { isMessageKey, useI18n } from '../../i18n/index.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Section, useDate } from '../../ui/layout.tsx';
import { useAction } from '../../ui/action.ts';
import type { SectionProps } from './props.ts';

export function ScreeningSection({ app, role, open }: SectionProps) {
  const { t, lang } = useI18n();
  const ruleName = (rule: string) => {
    const key = `d_rule_${rule}`;
    return isMessageKey(key) ? t(key) : rule;
  };
  const fmt = useDate();
  const action = useAction();
  const [fresh, setFresh] = useState<ScreeningResult>();
  const s = fresh ?? app.screening;
  const canRun = open && (role === 'district' || role === 'field');
  async function run() {
    await action.run(async () => {
      setFresh(await write('POST /applications/{id}/screening', { params: { id: app.id } }));
    });
  }
  return (
    <Section
      title={t('d_screening_title')}
      actions={
        canRun ? (
          <button type="button" onClick={run} disabled={action.busy}>
            {s ? t('d_run_screening_again') : t('d_run_screening')}
          </button>
        ) : undefined
      }
    >
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      {!s ? (
        <p className="muted">{t('d_not_screened_yet')}</p>
      ) : (
        <>
          <div className={`d-verdict ${s.passed ? 'd-verdict-pass' : 'd-verdict-fail'}`} role="status">
            <strong>{s.passed ? `✓ ${t('d_screening_passed')}` : `✗ ${t('d_screening_failed')}`}</strong>
            <span className="d-score-big">
              {t('d_priority_score')} <b>{s.priorityScore}</b>/100
            </span>
          </div>
          <div className="d-rules">
            {s.rules.map((r) => (
              <div key={r.rule} className={`rule ${r.passed ? 'pass' : 'fail'}`} data-rule={r.rule}>
                <span className="mark" role="img" aria-label={r.passed ? t('d_passed') : t('d_failed')}>
                  {r.passed ? '✓' : '✗'}
                </span>
                <span>
                  <strong>{ruleName(r.rule)}</strong>
                  <br />
                  <span className={lang === 'en' ? 'muted' : ''}>{lang === 'en' ? r.reason : r.reasonZh}</span>
                </span>
              </div>
            ))}
          </div>
          <p className="muted d-small">
            {t('d_screened_at', { date: `${fmt(inChina(s.screenedAt).day)} ${inChina(s.screenedAt).time}` })}
            {s.screenedBy && (
              <>
                {' · '}
                <Person who={s.screenedBy} />
              </>
            )}
          </p>
        </>
      )}
    </Section>
  );
}
