/**
 * The consent form (个人信息处理同意书) a mother signs before her data is recorded: what is
 * collected, what for, who sees it, how long it is kept, her rights; then her signature or
 * thumbprint and the staff member's. Tibetan above Chinese. Printed blank, or with her name
 * and village when printed from an application.
 */
import { Bi, Field, PlaceName, SignBox, type Place } from './parts.tsx';
import { SMS_WORDS } from './sms-words.ts';
import { WORDS } from './words.ts';

export interface ConsentDocumentProps {
  /** the mother's name, when known (else a line to write it on) */
  name?: string;
  township?: Place;
  village?: Place;
}

export function ConsentDocument({ name, township, village }: ConsentDocumentProps) {
  return (
    <article lang="zh-CN" className="pr-doc pr-consent" aria-label={WORDS.cs_title.zh}>
      <header className="pr-head">
        <Bi as="h1" text={WORDS.cs_title} className="pr-title" />
        <Bi as="p" text={WORDS.cs_subtitle} className="pr-copy" />
      </header>
      <dl className="pr-fields pr-fields-2">
        <Field label={WORDS.name}>{name ? <span className="pr-person">{name}</span> : <span className="pr-blank" />}</Field>
        <Field label={WORDS.resident_id}>
          <span className="pr-blank pr-blank-id" />
        </Field>
        <Field label={WORDS.village}>
          {village ? <PlaceName place={village} /> : <span className="pr-blank" />}
          {township && (
            <>
              {' · '}
              <PlaceName place={township} />
            </>
          )}
        </Field>
      </dl>
      {(['cs_what', 'cs_why', 'cs_who', 'cs_keep', 'cs_rights'] as const).map((k) => (
        <Bi key={k} as="p" text={WORDS[k]} className="pr-para" />
      ))}
      <section className="pr-consent-sms" aria-label={SMS_WORDS.cs_sms_title.zh}>
        <Bi as="h2" text={SMS_WORDS.cs_sms_title} />
        <Bi as="p" text={SMS_WORDS.cs_sms_text} className="pr-para" />
        <dl className="pr-fields pr-fields-2">
          <Field label={SMS_WORDS.cs_sms_agree}>
            <Bi text={SMS_WORDS.cs_sms_yes_no} />
          </Field>
          <Field label={SMS_WORDS.cs_sms_lang}>
            <Bi text={SMS_WORDS.cs_sms_lang_choice} />
          </Field>
          <Field label={SMS_WORDS.cs_sms_phone}>
            <span className="pr-blank" />
          </Field>
        </dl>
      </section>
      {/* what she agrees to and the signatures, one block on one page: the signatures never stand alone */}
      <div className="pr-keep">
        <Bi as="p" text={WORDS.cs_agree} className="pr-para" />
        <div className="pr-signs pr-signs-2">
          <SignBox party={<Bi text={WORDS.cs_mother} />} what={WORDS.sign_and_thumb} thumb />
          <SignBox party={<Bi text={WORDS.cs_taker} />} what={WORDS.cs_sign_staff} />
        </div>
      </div>
    </article>
  );
}
