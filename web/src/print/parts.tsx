/** The pieces every printed document is built from: a Tibetan line above its Chinese line, labelled values, dates, money, signature boxes. */
import type { ElementType, ReactNode } from 'react';
import { yuan } from '../i18n/format.ts';
import { fenInCapitals } from '../i18n/chinese-numerals.ts';
import { biDate } from './dates.ts';

/** Text in both languages (a `Word` or the result of `say`). */
export interface BiText {
  bo: string;
  zh: string;
}

/** An office or place by name: its Chinese name, and its Tibetan name where known. */
export interface Place {
  zh: string;
  bo?: string;
}

/**
 * Joins words and names into one bilingual text: a `BiText` gives each line its own language,
 * a plain string (a name, a number) goes into both lines.
 */
export function cat(...items: (BiText | string)[]): BiText {
  return {
    bo: items.map((i) => (typeof i === 'string' ? i : i.bo)).join(''),
    zh: items.map((i) => (typeof i === 'string' ? i : i.zh)).join(''),
  };
}

/** A place's name as a bilingual text: its Tibetan name on the Tibetan line where known, else the Chinese name on both. */
export function placeText(place: Place): BiText {
  return { bo: place.bo ?? place.zh, zh: place.zh };
}

/** Tibetan above Chinese, each on its own line, each marked with its language. */
export function Bi({ text, as: Tag = 'span', className }: { text: BiText; as?: ElementType; className?: string }) {
  return (
    <Tag className={className ? `pr-bi ${className}` : 'pr-bi'}>
      <span lang="bo" className="pr-bo">
        {text.bo}
      </span>
      <span lang="zh-CN" className="pr-zh">
        {text.zh}
      </span>
    </Tag>
  );
}

/** A place's name in both scripts when its Tibetan name is known, else once. */
export function PlaceName({ place }: { place: Place }) {
  return place.bo ? <Bi text={{ bo: place.bo, zh: place.zh }} /> : <span lang="zh-CN">{place.zh}</span>;
}

/** A date in its Tibetan form above the Chinese one; blanks to fill in by hand when there is none. */
export function BiDate({ iso }: { iso: string | undefined }) {
  return <Bi text={biDate(iso)} className="pr-date" />;
}

/** An amount in yuan with separators, and in Chinese capitals where the paper must not be altered. */
export function Money({ fen, capitals = false }: { fen: number; capitals?: boolean }) {
  return (
    <span className="pr-money">
      <span className="pr-figures">{yuan(fen)}</span>
      {capitals && <span className="pr-capitals">人民币 {fenInCapitals(fen)}</span>}
    </span>
  );
}

/** A small bilingual label beside one value (a number, a name), centred on it. */
export function Labelled({ label, children, className }: { label: BiText; children: ReactNode; className?: string }) {
  return (
    <span className={className ? `pr-labelled ${className}` : 'pr-labelled'}>
      <Bi text={label} className="pr-label" />
      <span className="pr-labelled-value">{children}</span>
    </span>
  );
}

/** A bilingual label with its value (printed once). */
export function Field({ label, children, className }: { label: BiText; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `pr-field ${className}` : 'pr-field'}>
      <dt>
        <Bi text={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A place to sign (and stamp, or press a thumb): the party, the person's name where known, a line, the date. */
export function SignBox({ party, who, what, date, stamp = false, thumb = false }: { party: ReactNode; who?: string; what: BiText; date?: string; stamp?: boolean; thumb?: boolean }) {
  return (
    <div className="pr-sign">
      <div className="pr-sign-party">{party}</div>
      <div className="pr-sign-what">
        <Bi text={what} />
      </div>
      <div className="pr-sign-line">{who ?? ''}</div>
      {(stamp || thumb) && <div className={thumb ? 'pr-sign-thumb' : 'pr-sign-stamp'} aria-hidden="true" />}
      <div className="pr-sign-date">
        <BiDate iso={date} />
      </div>
    </div>
  );
}

/** A column of a printed table: its bilingual heading and the cell class (`pr-num` for figures, `pr-write` for blanks). */
export type Column = BiText | [BiText, string];

/** The heading row of a printed table, each heading Tibetan above Chinese. */
export function BiHeader({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const [text, className] = Array.isArray(c) ? c : [c, undefined];
          return (
            <th key={text.zh} className={className}>
              <Bi text={text} />
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
