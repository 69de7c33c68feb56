import { describe, expect, it } from 'vitest';
import { screen } from '../../shared/domain/screening.ts';
import { scrub } from '../../shared/domain/anonymise.ts';
import { packed } from '../../shared/store/packed.ts';
import { strip } from '../../shared/store/records.ts';
import { screeningInput } from './domain-fixtures.ts';

const application = {
  id: 'A1',
  status: 'screened',
  mother: { name: '次仁卓玛', residentId: '540102197510210928' },
  screening: { ...screen(screeningInput()), screenedAt: '2026-11-01T03:00:05.000Z' },
  version: 3,
};

describe('an application’s screening result, stored packed', () => {
  it('reads back exactly as written, reasons in three languages included', () => {
    const item = { pk: 'APP#A1', sk: 'APP', ...packed(application) };
    expect(item).not.toHaveProperty('screening');
    expect(strip(item)).toEqual(application);
  });

  it('takes less than half the room of the reasons written out', () => {
    expect(packed(application).screeningPacked!.byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(application.screening)) / 2);
  });

  it('is left as it is when the retention job scrubs her personal data, and still reads back', () => {
    const scrubbed = scrub({ pk: 'APP#A1', sk: 'APP', ...packed(application) }, ['次仁卓玛', '540102197510210928']) as Record<string, unknown>;
    const read = strip<typeof application>(scrubbed);
    expect(read.mother.name).not.toBe('次仁卓玛');
    expect(read.screening).toEqual(application.screening);
  });

  it('an application without a screening result has none after reading', () => {
    const { screening: _none, ...submitted } = application;
    expect(strip({ pk: 'APP#A1', sk: 'APP', ...packed(submitted) })).toEqual(submitted);
  });
});
