/**
 * Where the caller works: her offices (their names in the reader's language, the township of a
 * village, a list's district filter) and the rounds she sees. The words are the district part
 * of the catalogue.
 */
import '../i18n/zh-CN.district.ts';
import { readAll, useLoad, useRead } from '../api/queries.ts';
import type { Office, Round } from '../api/records.ts';
import { useI18n } from '../i18n/index.tsx';

/** The caller's offices (names of townships and villages), read once and cached. */
export function useOffices(): { offices?: Office[]; byId: Map<string, Office> } {
  const { data } = useRead('GET /offices', { query: undefined });
  const offices = data?.items;
  return { offices, byId: new Map((offices ?? []).map((o) => [o.id, o])) };
}

/** An office's name in the reader's language; its id until the names are loaded. */
export function useOfficeName(): (id: string | undefined) => string {
  const { byId } = useOffices();
  const { lang } = useI18n();
  return (id) => {
    if (!id) return '—';
    const o = byId.get(id);
    if (!o) return id.split('.').at(-1) ?? id;
    return lang === 'en' ? (o.nameEn ?? o.name) : o.name;
  };
}

/** Township of a village (or of itself). */
export const townshipOf = (officeId: string) => officeId.split('.').slice(0, 3).join('.');

/** A list's district filter: every district the caller sees, or all of them (''). Nothing when she sees only one. */
export function DistrictFilter({ value, onChange, label, allLabel }: { value: string; onChange: (districtId: string) => void; label: string; allLabel: string }) {
  const { offices } = useOffices();
  const officeName = useOfficeName();
  const districts = (offices ?? []).filter((o) => o.level === 'district');
  if (districts.length < 2) return null;
  return (
    <label className="field">
      <span className="label">{label}</span>
      <select name="districtId" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">{allLabel}</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>
            {officeName(d.id)}
          </option>
        ))}
      </select>
    </label>
  );
}

// ---------- rounds ----------

/** The rounds the caller sees, newest first, open before closed. */
export function useRounds() {
  return useLoad(['GET /rounds', 'all-sorted'], async (signal) => {
    const rounds = await readAll('GET /rounds', { signal });
    return rounds.sort((a, b) => (a.status === b.status ? b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id) : a.status === 'open' ? -1 : 1));
  });
}

export function RoundSelect({ rounds, value, onChange, allowAll }: { rounds: Round[]; value: string; onChange: (id: string) => void; allowAll?: boolean }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="label">{t('d_round')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('d_round')}>
        {allowAll && <option value="">{t('d_all_rounds')}</option>}
        {!allowAll && !value && <option value="">{t('d_choose_round')}</option>}
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
            {r.status === 'closed' ? ` (${t('d_round_closed')})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
