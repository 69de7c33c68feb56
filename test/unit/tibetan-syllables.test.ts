/**
 * Every Tibetan text of the programme is made of well-formed syllables, so that a broken
 * copy-paste cannot ship: read from the source of the web app and of shared/ (catalogues, printed
 * words, API messages, history entries, CSV headings), each run of Tibetan script is cut at the
 * tsheg, shad and spaces into syllables, and each syllable must be built the way Unicode writes
 * Tibetan: stacks of a base letter, its subjoined letters and its vowel signs; no vowel sign or
 * subjoined letter without a letter above it; at most four stacks (prefix, root, suffix,
 * post-suffix) and one vowel, besides a particle འི འུ འོ written last onto an open syllable —
 * more means a tsheg is missing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BASE = '\u0F40-\u0F6C';
const SUBJOINED = '\u0F8D-\u0FBC';
const VOWEL = '\u0F71-\u0F7E\u0F80-\u0F84';
const MARKS = '\u0F35\u0F37\u0F39\u0F86\u0F87';
const STACK = new RegExp(`[${BASE}][${SUBJOINED}]*[${VOWEL}${MARKS}]*`, 'gu');
const SYLLABLE_CHARS = new RegExp(`^[${BASE}${SUBJOINED}${VOWEL}${MARKS}]+$`, 'u');

/** What is wrong with one syllable (letters only, no tsheg), or undefined. */
export function syllableProblem(s: string): string | undefined {
  if (!SYLLABLE_CHARS.test(s)) return 'not a syllable';
  if (!new RegExp(`^[${BASE}]`, 'u').test(s)) return 'starts with a vowel sign or a subjoined letter';
  const stacks = s.match(STACK) ?? [];
  if (stacks.join('') !== s) return 'a vowel sign or subjoined letter stands where no letter carries it';
  const voweled = stacks.map((st, i) => [st, i] as const).filter(([st]) => new RegExp(`[${VOWEL}]`, 'u').test(st));
  // the particles written onto an open syllable: འི འུ འོ, and འམ འང
  const particle = (i: number) => stacks[i]!.startsWith('\u0F60') && i > 0;
  const extraVowels = voweled.slice(1).filter(([, i]) => !particle(i));
  if (extraVowels.length) return 'two vowels: a tsheg is missing';
  const subjoined = stacks.filter((st) => new RegExp(`[${SUBJOINED}]`, 'u').test(st));
  if (subjoined.length > 1) return 'two stacks with subjoined letters: a tsheg is missing';
  if (voweled.length > 1 && voweled[1]![1] !== stacks.length - 1) return 'letters after a particle: a tsheg is missing';
  if (stacks.length > 4) return 'too many letters for one syllable: a tsheg is missing';
  return undefined;
}

/** The problems of one run of text (Tibetan between other script). */
export function textProblems(text: string): string[] {
  const problems: string[] = [];
  for (const run of text.match(/[\u0F00-\u0FFF]+/gu) ?? []) {
    if (/\u0F0B{2}/u.test(run)) problems.push(`double tsheg in “${run}”`);
    // a tsheg before a shad only after ང
    if (/[^\u0F44]\u0F0B\u0F0D/u.test(run)) problems.push(`tsheg before shad in “${run}”`);
    for (const syllable of run.split(/[\u0F0B\u0F0C\u0F0D-\u0F14\u0F20-\u0F33\u0F04-\u0F0A\u0F3A-\u0F3D]+/u)) {
      if (!syllable) continue;
      const problem = syllableProblem(syllable);
      if (problem) problems.push(`${problem}: “${syllable}” in “${run}”`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('Tibetan syllables', () => {
  it('tells well-formed syllables from broken ones', () => {
    for (const good of ['བདེ་སྐྱིད་ལས་གཞིའི་བུ་ལོན།', 'བསྒྲུབས', 'ཨུ་ཡོན་ལྷན་ཁང་།', 'དཔྱད་བསྡུར།', 'སྐྱེད་མེད་བུ་ལོན་འཇལ་བའམ།', 'ཕྱོགས་གཉིས་པ།', 'མིའི་', 'བསྐྱར་རམ།']) expect(textProblems(good), good).toEqual([]);
    // an orphan vowel sign, an orphan subjoined letter, a missing tsheg, a doubled tsheg, a tsheg before a shad
    for (const bad of ['ིབུ་ལོན', 'ྱབུ', 'བུལོན', 'ལས་གཞིའིལས', 'བུ་་ལོན', 'བུ་ལོན་།', 'སྐྱིདསྐྱིད']) expect(textProblems(bad), bad).not.toEqual([]);
  });

  it('are well formed in every text of the web app and of the API', () => {
    const files = [...sourceFiles('web/src'), ...sourceFiles('shared')];
    const problems: string[] = [];
    let runs = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const lines = source.split('\n');
      lines.forEach((line, i) => {
        if (!/[\u0F00-\u0FFF]/u.test(line)) return;
        runs++;
        for (const p of textProblems(line)) problems.push(`${file}:${i + 1} ${p}`);
      });
    }
    expect(runs).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});
