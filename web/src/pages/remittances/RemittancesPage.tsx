/**
 * Township and district: handing collected repayments up (上缴). A township hands what it
 * holds to its district; a district remits what it received to the committee, or records a
 * township's hand-over for it. Below, the batches so far. With an id: one batch (printable).
 */
import { useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { PageProps } from '../../paths.ts';
import { useOffices } from '../../ui/offices.tsx';
import { BatchPage } from './BatchPage.tsx';
import { HandOver } from './HandOverForm.tsx';
import { BatchList, useOfficeLabel } from './parts.tsx';

export function RemittancesPage({ id }: PageProps) {
  if (id) return <BatchPage id={id} />;
  return <HandOverPage />;
}

function HandOverPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  if (!session) return null;
  const township = session.role === 'township';
  return (
    <div className="d-page m-page">
      <h1>{t('m_title')}</h1>
      <p className="muted">{t(township ? 'm_intro_township' : 'm_intro_district')}</p>
      {township ? <HandOver level="township_to_district" fromOfficeId={session.officeId} /> : <DistrictHandOver districtId={session.officeId} />}
      <BatchList />
    </div>
  );
}

/** The district remits to the committee (the usual case), or records a township's hand-over to it. */
function DistrictHandOver({ districtId }: { districtId: string }) {
  const { t } = useI18n();
  const { offices } = useOffices();
  const office = useOfficeLabel();
  const [mode, setMode] = useState<'committee' | 'township'>('committee');
  const [townshipId, setTownshipId] = useState('');
  const townships = (offices ?? []).filter((o) => o.level === 'township');
  return (
    <>
      <fieldset className="choice m-mode">
        <legend>{t('m_mode')}</legend>
        <div className="choice-row">
          {(['committee', 'township'] as const).map((m) => (
            <label key={m} className={mode === m ? 'pill checked' : 'pill'}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(m === 'committee' ? 'm_mode_committee' : 'm_mode_township')}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'committee' ? (
        <HandOver level="district_to_committee" fromOfficeId={districtId} />
      ) : (
        <>
          <label className="field m-township">
            <span className="label">{t('m_township')}</span>
            <select value={townshipId} onChange={(e) => setTownshipId(e.target.value)}>
              <option value="">{t('m_choose_township')}</option>
              {townships.map((o) => (
                <option key={o.id} value={o.id}>
                  {office(o.id)}
                </option>
              ))}
            </select>
          </label>
          {townshipId && <HandOver level="township_to_district" fromOfficeId={townshipId} />}
        </>
      )}
    </>
  );
}
