/**
 * Two committee members change a control in the browser (issue 18): one switches four eyes
 * off, with a reason; nothing changes until the other confirms on her own screen (the
 * proposer's confirm button is disabled and says why); then the setting is off, the history
 * names both, and the exceptions report lists both steps. Runs on tables of its own, since
 * switching four eyes off must not reach the tests beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useOwnTables } from '../support/own-tables.ts';
import { DESKTOP, screenshot, signedIn, startE2E, type E2E } from './support/browser.ts';
import { latinWords, seriousAxeViolations } from './support/checks.ts';

let e2e: E2E;
beforeAll(async () => {
  await useOwnTables();
  e2e = await startE2E();
}, 120_000);
afterAll(async () => e2e?.close());

describe('programme settings in the browser', () => {
  it('one committee member switches four eyes off; it stays on until a second member confirms; both show in the history and the exceptions report', async () => {
    const first = await signedIn(e2e, 'committee', { viewport: DESKTOP });
    const page = first.page;
    await page.locator('.topbar nav a', { hasText: '项目设置' }).click();
    await page.locator('h1', { hasText: '项目设置' }).waitFor();
    const fourEyes = page.locator('[data-setting="separationOfDuties"] dd');
    await expect.poll(() => fourEyes.innerText()).toBe('开');

    await page.locator('input[name="separationOfDuties"]').uncheck();
    await page.locator('textarea[name="reason"]').fill('试点期间人手不足，暂停四眼原则');
    await page.locator('form.settings-form button[type="submit"]').click();
    const pending = page.locator('section.settings-pending');
    await expect.poll(() => pending.innerText(), { timeout: 15_000 }).toContain('提出人：组委会 · 次仁');
    expect(await pending.innerText()).toContain('四眼原则');
    expect(await pending.innerText()).toContain('理由：试点期间人手不足，暂停四眼原则');
    // the proposer may not confirm her own change; it is not in force
    expect(await page.locator('button[name="confirm"]').isDisabled()).toBe(true);
    expect(await pending.locator('.s-own').innerText()).toContain('须由另一位组委会成员确认');
    expect(await fourEyes.innerText()).toBe('开');
    expect(await latinWords(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'settings-pending');

    // the second member confirms on her own screen
    const second = await signedIn(e2e, 'committee-2', { viewport: DESKTOP });
    await second.page.locator('.topbar nav a', { hasText: '项目设置' }).click();
    const hers = second.page.locator('section.settings-pending');
    await expect.poll(() => hers.innerText(), { timeout: 15_000 }).toContain('提出人：组委会 · 次仁');
    await second.page.locator('button[name="confirm"]').click();
    await expect.poll(() => second.page.locator('[data-setting="separationOfDuties"] dd').innerText(), { timeout: 15_000 }).toBe('关');
    expect(await hers.innerText()).toContain('没有待确认的变更');
    const history = second.page.locator('ol.d-history li');
    await expect.poll(() => history.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const texts = await history.allInnerTexts();
    expect(texts[0]).toContain('组委会 · 卓玛');
    expect(texts[0]).toContain('确认了组委会 · 次仁提出的设置变更，现已生效：四眼原则：开 → 关');
    expect(texts[1]).toContain('提出放宽项目设置，待另一位组委会成员确认');

    // both steps in the exceptions report, by the kind's own name
    await page.locator('.topbar nav a', { hasText: '异常情况' }).click();
    await page.locator('select[name="kind"]').selectOption('settings_changed');
    const rows = page.locator('table.x-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const report = (await rows.allInnerTexts()).join('\n');
    expect(report).toContain('项目设置已提出，待另一位组委会成员确认');
    expect(report).toContain('项目设置经另一位组委会成员确认后生效');
    expect(report).toContain('组委会 · 卓玛');

    // switching it on again is at once, by one person
    await page.locator('.topbar nav a', { hasText: '项目设置' }).click();
    await page.locator('input[name="separationOfDuties"]').check();
    await page.locator('textarea[name="reason"]').fill('试点结束，恢复四眼原则');
    await page.locator('form.settings-form button[type="submit"]').click();
    await expect.poll(() => fourEyes.innerText(), { timeout: 15_000 }).toBe('开');
    await first.context.close();
    await second.context.close();
  }, 180_000);
});
