import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectText, loginAs } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';

const focusedText = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.textContent.trim());

describe('the header and the addresses', () => {
  const facility = facilityInBrowsers({ catalogs: false });

  it('lands the sync admin on the sync panel, with no patient link and no shortcut they may not use', async () => {
    const page = await facility.openPc('dongbo');
    await expectText(page.locator('.sync-panel h1'), 'Tình trạng đồng bộ');
    expect(await page.getByTestId('forbidden').count()).toBe(0);
    expect(await page.locator('nav a').allTextContents()).toEqual(['Đồng bộ']);
    expect(await page.locator('.shortcuts kbd').allTextContents()).toEqual(['Esc']);
    await page.keyboard.press('F2');
    await page.keyboard.press('F3');
    await expectText(page.locator('.sync-panel h1'), 'Tình trạng đồng bộ');
    expect(await page.getByTestId('forbidden').count()).toBe(0);
  });

  it('says an unknown address is not found and leads back to the role’s home page', async () => {
    const page = await facility.openPc('tiepdon');
    await page.evaluate(() => {
      window.location.hash = '#/orders';
    });
    await expectText(page.locator('[data-testid="not-found"] h1'), 'Không tìm thấy trang');
    expect(await page.locator('#patient-search').count()).toBe(0);
    // The way back has the focus: Enter takes it.
    await expect.poll(() => focusedText(page)).toBe('Về trang chính');
    await page.keyboard.press('Enter');
    await page.locator('#patient-search').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');

    // A page the role may not open, asked for by address, is refused with the same way back.
    await page.evaluate(() => {
      window.location.hash = '#/staff';
    });
    await expectText(page.getByTestId('forbidden'), 'Bạn không có quyền dùng chức năng này.');
    await page.getByRole('link', { name: 'Về trang chính' }).click();
    await page.locator('#patient-search').waitFor();
  });

  it('opens the user menu by keyboard, moves with the arrows, closes on Escape with the focus back, and logs out', async () => {
    const page = await facility.openPc('bacsi');
    await page.evaluate(() => {
      window.location.hash = '#/queue';
    });
    const button = page.getByRole('button', { name: 'Tài khoản' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Đổi mật khẩu');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedText(page)).toContain('Khoá màn hình');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedText(page)).toBe('Đăng xuất');
    // Escape closes the menu only: the page stays, the focus is back on the button.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => window.location.hash)).toBe('#/queue');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedText(page)).toBe('Đăng xuất');
    await page.keyboard.press('Enter');
    await page.locator('.login').waitFor();
    await loginAs(page, 'bacsi');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');
  });
});
