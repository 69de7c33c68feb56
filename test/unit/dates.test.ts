import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, isIsoDate, todayInChina } from '../../shared/domain/dates.ts';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-05-01', '2025-12-31', '2025-01-01', '1900-01-01', '2200-12-31', '2025-04-30'])('accepts the real date %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    ['Feb 29 in a common year', '2023-02-29'],
    ['Feb 29 in 1900 (divisible by 100, not by 400)', '1900-02-29'],
    ['Feb 29 in 2100', '2100-02-29'],
    ['Feb 30', '2024-02-30'],
    ['April 31', '2025-04-31'],
    ['month 13', '2025-13-01'],
    ['month 00', '2025-00-10'],
    ['day 00', '2025-01-00'],
    ['day 32', '2025-01-32'],
    ['a year before 1900', '1899-12-31'],
    ['a year after 2200', '2201-01-01'],
  ])('refuses a date that does not exist or is out of range: %s', (_what, date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it.each([
    ['single-digit month and day', '2024-2-9'],
    ['slashes', '2024/02/29'],
    ['no separators', '20240229'],
    ['day first', '29-02-2024'],
    ['a time attached', '2024-02-29T00:00:00Z'],
    ['a leading space', ' 2024-02-29'],
    ['a trailing newline', '2024-02-29\n'],
    ['a five-digit year', '12024-02-29'],
    ['full-width digits', '２０２４-０２-２９'],
    ['empty', ''],
  ])('refuses a badly written date: %s', (_what, date) => {
    expect(isIsoDate(date)).toBe(false);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-08-31', 6, '2025-02-28', 'clamps the 31st to the end of a common-year February'],
    ['2024-01-31', 1, '2024-02-29', 'clamps the 31st to the end of a leap-year February'],
    ['2024-03-31', 1, '2024-04-30', 'clamps the 31st to a 30-day month'],
    ['2024-02-29', 12, '2025-02-28', 'clamps Feb 29 to Feb 28 one year on'],
    ['2024-02-29', 48, '2028-02-29', 'keeps Feb 29 four years on'],
    ['2024-01-15', 1, '2024-02-15', 'keeps the day when the month has it'],
    ['2024-11-15', 3, '2025-02-15', 'crosses into the next year'],
    ['2024-12-31', 1, '2025-01-31', 'goes from December to January'],
    ['2024-08-31', 24, '2026-08-31', 'adds a two-year term'],
    ['2024-05-10', 0, '2024-05-10', 'leaves the date alone for 0 months'],
    ['2025-01-15', -1, '2024-12-15', 'goes back across a year boundary'],
    ['2025-03-31', -1, '2025-02-28', 'clamps when going back to February'],
    ['2024-03-31', -13, '2023-02-28', 'goes back more than a year'],
    ['2025-12-01', -12, '2024-12-01', 'goes back exactly a year'],
  ])('%s + %i months → %s (%s)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-05-01', 6, '2026-05-07'],
    ['2026-05-01', 0, '2026-05-01'],
  ])('%s + %i days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-05-01', '2026-05-01', 0],
    ['2026-05-01', '2026-05-02', 1],
    ['2026-05-02', '2026-05-01', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2025-01-01', '2024-01-01', -366],
  ])('from %s to %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('todayInChina', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is already the next day in China at 17:00 UTC (01:00 in Beijing)', () => {
    expect(todayInChina(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('turns to the next day exactly at 16:00 UTC (midnight in Beijing)', () => {
    expect(todayInChina(new Date('2026-01-01T15:59:59.999Z'))).toBe('2026-01-01');
    expect(todayInChina(new Date('2026-01-01T16:00:00.000Z'))).toBe('2026-01-02');
  });

  it('starts the new year in China while it is still New Year’s Eve in UTC', () => {
    expect(todayInChina(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('is the same day in the morning UTC', () => {
    expect(todayInChina(new Date('2026-03-10T02:00:00Z'))).toBe('2026-03-10');
  });

  it('uses the current time when no time is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-28T20:00:00Z'));

    const today = todayInChina();

    expect(today).toBe('2026-03-01');
  });
});
