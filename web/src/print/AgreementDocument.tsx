/**
 * The loan agreement (借款协议) the five parties sign: the organizing committee lends, the
 * district office manages, the township and the village committee guarantee (their heads sign
 * and stamp), the mother borrows (signs and presses her thumb).
 */
import type { Loan, MotherDetails } from '../../../shared/domain/entities.ts';
import type { ProjectType } from '../../../shared/domain/schemas.ts';
import { guarantorTitles, type TownshipKind, type VillageKind } from './guarantors.ts';
import { Bi, BiDate, cat, Field, Labelled, Money, PlaceName, placeText, SignBox, type BiText, type Place } from './parts.tsx';
import { say, WORDS } from './words.ts';

export interface AgreementLoan extends Pick<Loan, 'principalFen' | 'termMonths' | 'dueOn' | 'agreement' | 'disbursement'> {
  mother: Pick<MotherDetails, 'name' | 'residentId'>;
  /** readable agreement number (城关-2026-04-017); printed only when the loan has one */
  agreementNo?: string;
}

export interface AgreementDocumentProps {
  loan: AgreementLoan;
  project?: { type: ProjectType; description: string };
  offices: { committee: Place; district: Place; township: Place; village: Place };
  kinds: { township: TownshipKind; village: VillageKind };
  roundName?: string;
}

export function AgreementDocument({ loan, project, offices, kinds, roundName }: AgreementDocumentProps) {
  const titles = guarantorTitles(kinds.township, kinds.village);
  const a = loan.agreement;
  const signer = (party: string) =>
    a?.signatories
      .filter((s) => s.party === party)
      .map((s) => s.name)
      .join('、') || undefined;
  const clauses: BiText[] = [WORDS.ag_use_rule, WORDS.ag_interest, WORDS.ag_repayment, WORDS.ag_evaluation, WORDS.ag_guarantee, WORDS.ag_in_person, WORDS.ag_copies];
  return (
    <article lang="zh-CN" className="pr-doc pr-agreement" aria-label={WORDS.ag_title.zh}>
      <header className="pr-head">
        <Bi as="h1" text={WORDS.ag_title} className="pr-title" />
        {(loan.agreementNo || roundName) && (
          <p className="pr-sub">
            {loan.agreementNo && (
              <Labelled label={WORDS.agreement_no} className="pr-agreement-no">
                <strong data-testid="agreement-no">{loan.agreementNo}</strong>
              </Labelled>
            )}
            {roundName ? (
              <span lang="zh-CN">
                {loan.agreementNo ? ' · ' : ''}
                {roundName}
              </span>
            ) : null}
          </p>
        )}
      </header>

      <Bi as="h2" text={WORDS.ag_parties} />
      <dl className="pr-fields pr-parties">
        <Field label={WORDS.ag_party_committee}>
          <PlaceName place={offices.committee} />
        </Field>
        <Field label={WORDS.ag_party_district}>
          <PlaceName place={offices.district} />
        </Field>
        <Field label={WORDS.ag_party_guarantor}>
          <Bi text={cat(placeText(offices.township), ' ', titles.township)} className="pr-title-township" />
          <span className="pr-person pr-block">{a?.guarantors.townshipHead ?? <span className="pr-blank" />}</span>
        </Field>
        <Field label={WORDS.ag_party_guarantor}>
          <Bi text={cat(placeText(offices.village), ' ', titles.village)} className="pr-title-village" />
          <span className="pr-person pr-block">{a?.guarantors.villageHead ?? <span className="pr-blank" />}</span>
        </Field>
        <Field label={WORDS.ag_party_mother}>
          <span className="pr-person">{loan.mother.name}</span>
        </Field>
        <Field label={WORDS.resident_id}>
          <span className="pr-mono">{loan.mother.residentId}</span>
        </Field>
        <Field label={WORDS.ag_address}>
          <PlaceName place={offices.township} /> <PlaceName place={offices.village} />
        </Field>
      </dl>

      <Bi as="p" text={WORDS.ag_preamble} className="pr-para" />

      <Bi as="h2" text={WORDS.ag_terms} />
      <dl className="pr-fields">
        <Field label={WORDS.ag_amount}>
          <Money fen={loan.principalFen} capitals />
        </Field>
        <Field label={WORDS.ag_term}>
          <Bi text={say('months_n', { n: loan.termMonths })} />
        </Field>
        <Field label={WORDS.ag_disbursed_on}>
          <BiDate iso={loan.disbursement?.disbursedOn} />
        </Field>
        <Field label={WORDS.due_on}>
          <BiDate iso={loan.dueOn} />
        </Field>
        <Field label={WORDS.ag_use}>
          {project ? (
            <>
              <Bi text={WORDS[`pt_${project.type}`]} />
              <span className="pr-desc" lang="zh-CN">
                {project.description}
              </span>
            </>
          ) : (
            <span className="pr-blank" />
          )}
        </Field>
      </dl>
      <ol className="pr-clauses">
        {clauses.map((c) => (
          <li key={c.zh}>
            <Bi text={c} />
          </li>
        ))}
      </ol>

      <Bi as="h2" text={WORDS.ag_signatures} />
      <div className="pr-signs pr-signs-5">
        <SignBox party={<Bi text={WORDS.ag_party_committee} />} who={signer('committee')} what={WORDS.sign_and_seal} stamp date={a?.signedOn} />
        <SignBox party={<Bi text={WORDS.ag_party_district} />} who={signer('district')} what={WORDS.sign_and_seal} stamp date={a?.signedOn} />
        <SignBox party={<Bi text={titles.township} />} who={a?.guarantors.townshipHead ?? signer('township')} what={WORDS.sign_and_seal} stamp date={a?.signedOn} />
        <SignBox party={<Bi text={titles.village} />} who={a?.guarantors.villageHead ?? signer('village')} what={WORDS.sign_and_seal} stamp date={a?.signedOn} />
        <SignBox party={<Bi text={WORDS.ag_party_mother} />} who={signer('mother') ?? loan.mother.name} what={WORDS.sign_and_thumb} thumb date={a?.signedOn} />
      </div>
    </article>
  );
}
