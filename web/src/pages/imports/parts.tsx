/** What the import page shows: the file's columns (from the import schema's own list), the per-row report, the links to the applications. */
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import '../../i18n/zh-CN.imports.ts';
import { COLUMN_CHOICES, COLUMN_KEYS, COLUMNS } from '../../../../shared/domain/import-schemas.ts';
import type { ResponseOf } from '../../../../shared/routes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { useMarks } from '../../i18n/marks.ts';

/** The answer to a check or an import (POST /rounds/{id}/imports). */
export type ImportReport = ResponseOf<'POST /rounds/{id}/imports'>;
type RowResult = ImportReport['rows'][number];

const MAX_ROWS_SHOWN = 200;
const HAN = /[\u4e00-\u9fff]/;

/** The column names as the template writes them, comma-separated: the header row of an empty list. */
export const templateHeader = () => COLUMN_KEYS.map((k) => COLUMNS[k].zh).join(',');

/** Downloads an empty list: the header row only, as Excel opens CSV (UTF-8 with BOM). */
export function downloadTemplate(fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([`\uFEFF${templateHeader()}\r\n`], { type: 'text/csv;charset=utf-8' }));
  a.download = `${fileName}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1_000);
}

/**
 * Every column of the file: its header and whether it is required, then the words a column of
 * fixed choices takes and the other headers accepted, all read from the import schema. Headers
 * in Latin script (the English names) are shown to English readers only.
 */
export function ColumnsTable() {
  const { t, lang } = useI18n();
  const mk = useMarks();
  return (
    <ScrollRegion label={t('i_columns')}>
      <table className="i-columns">
        <thead>
          <tr>
            <th>{t('i_column')}</th>
            <th>{t('i_about')}</th>
          </tr>
        </thead>
        <tbody>
          {COLUMN_KEYS.map((key) => {
            const spec = COLUMNS[key];
            const choices = Object.values(COLUMN_CHOICES[key] ?? {}).map((words) => words[0]);
            const aliases = lang === 'en' ? [key, ...spec.aliases] : spec.aliases.filter((a) => HAN.test(a));
            return (
              <tr key={key}>
                <td>
                  {/* the headings a file's first row carries: Chinese, as the villages' spreadsheets write them */}
                  <strong lang="zh-CN" translate="no">
                    {spec.zh}
                  </strong>
                  <span className={`i-needed ${spec.optional ? '' : 'i-required'}`}>{spec.optional ? t('i_optional') : t('i_required')}</span>
                </td>
                <td>
                  {choices.length > 0 && (
                    <div>
                      {t('i_choices')}
                      {mk.colon}
                      <span lang="zh-CN" translate="no">
                        {choices.join('、')}
                      </span>
                    </div>
                  )}
                  {aliases.length > 0 && (
                    <div className="muted">
                      {t('i_aliases')}
                      {mk.colon}
                      <span lang={lang === 'en' ? undefined : 'zh-CN'} translate="no">
                        {aliases.join(lang === 'en' ? mk.list : '、')}
                      </span>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The counts of a report: rows that can be (or were) imported, refused, imported before. */
export function Counts({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <p className="i-counts">
      <span className="badge badge-approved">{t(report.dryRun ? 'i_accepted' : 'i_imported', { n: report.accepted })}</span>{' '}
      <span className={`badge ${report.refused ? 'badge-rejected' : ''}`}>{t('i_refused', { n: report.refused })}</span> <span className="badge">{t('i_already', { n: report.alreadyImported })}</span>
    </p>
  );
}

/** The refused rows: the row's number in the file, the column as written there, the problem in the UI language (the API answers in it). */
export function RefusedRows({ rows }: { rows: RowResult[] }) {
  const { t } = useI18n();
  const refused = rows.filter((r) => r.status === 'refused');
  if (!refused.length) return null;
  const lines = refused.flatMap((r) => (r.errors ?? []).map((e, i) => ({ key: `${r.row}|${i}`, row: r.row, first: i === 0, span: r.errors?.length ?? 1, e })));
  const shown = lines.slice(0, MAX_ROWS_SHOWN);
  return (
    <>
      <h3>{t('i_refused_rows')}</h3>
      <ScrollRegion label={t('i_refused_rows')}>
        <table className="i-rows">
          <thead>
            <tr>
              <th className="num">{t('i_row')}</th>
              <th>{t('i_column_short')}</th>
              <th>{t('i_problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ key, row, first, span, e }) => (
              <tr key={key}>
                {first && (
                  <td className="num" rowSpan={span}>
                    {row}
                  </td>
                )}
                <td>{e.column ?? (e.field === 'row' ? t('i_whole_row') : (COLUMNS[e.field as keyof typeof COLUMNS]?.zh ?? e.field))}</td>
                <td className="i-problem">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {lines.length > shown.length && <p className="muted">{t('i_more_rows', { n: lines.length - shown.length })}</p>}
    </>
  );
}

/** Links to the applications of an import, by row and the mother's name (once the round's list is read): those it created, and those imported before. */
export function ApplicationLinks({ rows, names }: { rows: RowResult[]; names: Map<string, string> }) {
  const { t } = useI18n();
  const groups = [
    ['i_new_applications', rows.filter((r) => r.status === 'accepted' && r.applicationId)],
    ['i_old_applications', rows.filter((r) => r.status === 'already_imported' && r.applicationId)],
  ] as const;
  return (
    <>
      {groups.map(([title, list]) =>
        list.length ? (
          <section key={title} aria-label={t(title)}>
            <h3>
              {t(title)} <span className="muted">{t('i_count_short', { n: list.length })}</span>
            </h3>
            <ul className="i-links">
              {list.slice(0, MAX_ROWS_SHOWN).map((r) => (
                <li key={r.row}>
                  <Link to={`/applications/${r.applicationId}`}>
                    {t('i_row_link', { row: r.row })}
                    {names.get(r.applicationId ?? '') ? ` · ${names.get(r.applicationId ?? '')}` : ''}
                  </Link>
                </li>
              ))}
            </ul>
            {list.length > MAX_ROWS_SHOWN && <p className="muted">{t('i_more_rows', { n: list.length - MAX_ROWS_SHOWN })}</p>}
          </section>
        ) : null,
      )}
    </>
  );
}
