import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { AMLODIPIN, finishedVisit, followedPatientHistory, labOrder, prescription } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { brokenTableCells, overflowingElements, wrappedElements, type LayoutProblem } from '../helpers/layout-checks';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import type { TestServer } from '../helpers/test-server';
import { loginAs } from '../helpers/browser';

/** The district PCs' screens. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/** Set to a folder to save each main screen there at each size (the README shows some of them). */
const SCREENSHOTS = process.env.SEN_SCREENSHOTS;

/** Everything a header shows on one line: each link, button and label. */
const HEADER_ITEMS = '.app-header nav a, .app-header .brand, .app-header .shortcuts > *, .user-menu-button > span';

interface Screen {
  name: string;
  hash: string;
  /** Shown once the screen has its data. */
  ready: string;
  /** A second state of the same screen, checked too: what this clicks opens `opened`. */
  open?: { click: string; opened: string };
}

let followed: PatientDocument;
let inVisit: PatientDocument;
let todaysVisit: EncounterDocument;

/** Today by the browser's calendar (the PCs run in the machine's time zone). */
const localToday = (): string => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** A followed patient with months of history, and one being examined today with tests and a prescription open. */
async function prepare(server: TestServer): Promise<void> {
  const otherPc = await server.enroll('phòng khám 2');
  const by = (staffId: string) => ({ facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId });
  const doctor = by(DEMO_STAFF.doctor.id);
  followed = patientDocument(DEMO_FACILITY_CODE);
  await pushPatientHistory(
    server.url,
    otherPc.token,
    followed,
    followedPatientHistory(followed.id, doctor, by(DEMO_STAFF.labTechnician.id), 6, '2026-01-04'),
  );
  inVisit = patientDocument(DEMO_FACILITY_CODE);
  todaysVisit = finishedVisit(inVisit.id, doctor, localToday(), {
    status: 'in-progress',
    // The exam room's queue lists visits by department room: the demo catalog's KKB.
    roomCode: 'KKB',
    diagnoses: [],
    disposition: '',
    followUpDate: '',
    advice: '',
    finishedAt: '',
  });
  const tests = { ...labOrder(todaysVisit, doctor, [['SEN-XN-024', 'Glucose máu']]), status: 'ordered' as const };
  const drugs = prescription(todaysVisit, doctor, [AMLODIPIN], { status: 'ordered' });
  await pushPatientHistory(server.url, otherPc.token, inVisit, {
    encounters: [todaysVisit],
    orders: [tests, drugs],
    observations: [],
  });
}

/** Each role's main screens: where the header leads them and the pages they open from there. */
function screensOf(username: string): Screen[] {
  const list = { name: 'danh-sach', hash: '#/', ready: '[data-testid="patient-results"]' };
  const detail = { name: 'ho-so', hash: `#/patients/${followed.id}`, ready: '[data-testid="patient-name"]' };
  const chart = { name: 'benh-an', hash: `#/patients/${followed.id}/chart`, ready: '[data-testid="chart-view"]' };
  const queue = { name: 'phong-kham', hash: '#/queue', ready: '[data-testid="queue-row"]' };
  const visit = { name: 'luot-kham', hash: `#/visits/${todaysVisit.id}`, ready: '[data-testid="VisitPage"]' };
  const sync = { name: 'dong-bo', hash: '#/sync', ready: '[data-testid="panel-unsent"]' };
  const password = { name: 'doi-mat-khau', hash: '#/password', ready: 'input[name="current-password"]' };
  const notFound = { name: 'khong-tim-thay', hash: '#/khong-co-trang-nay', ready: '[data-testid="not-found"]' };
  switch (username) {
    case 'tiepdon':
      return [
        list,
        { name: 'dang-ky', hash: '#/register', ready: '#field-familyName' },
        detail,
        { name: 'sua-ho-so', hash: `#/patients/${followed.id}/edit`, ready: '#field-familyName' },
        sync,
        password,
        notFound,
      ];
    case 'bacsi':
      return [queue, visit, chart, list, detail];
    case 'dieuduong':
      return [queue, visit, chart];
    case 'xetnghiem':
      return [
        {
          name: 'xet-nghiem',
          hash: '#/lab',
          ready: '[data-testid="worklist-order"]',
          open: { click: '[data-testid="worklist-order"]', opened: '[data-testid="result-entry"]' },
        },
        chart,
      ];
    case 'duocsi':
      return [
        {
          name: 'nha-thuoc',
          hash: '#/pharmacy',
          ready: '[data-testid="PharmacyPage"] table',
          open: { click: '[data-testid="PharmacyPage"] table button', opened: '[data-testid="dispense-panel"]' },
        },
      ];
    case 'admin':
      return [
        { name: 'nhan-vien', hash: '#/staff', ready: '[data-testid="staff-list"]' },
        { name: 'sao-luu', hash: '#/backup', ready: '.backup-page h1' },
        sync,
        list,
      ];
    default:
      return [sync];
  }
}

const ROLES = ['tiepdon', 'bacsi', 'dieuduong', 'xetnghiem', 'duocsi', 'admin', 'dongbo'];

const describeProblems = (problems: LayoutProblem[]): string[] =>
  problems.map(({ element, problem }) => `${element}: ${problem}`);

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.locator('.login').waitFor();
}

/** No header item wraps, nothing overflows, every table cell is one; then the screen is saved as `screenshot`.png if asked. */
async function expectToFit(page: Page, where: string, screenshot?: string): Promise<void> {
  await expect
    .poll(async () => describeProblems(await wrappedElements(page, HEADER_ITEMS)), { message: where })
    .toEqual([]);
  await expect.poll(async () => describeProblems(await overflowingElements(page)), { message: where }).toEqual([]);
  expect(describeProblems(await brokenTableCells(page)), where).toEqual([]);
  if (screenshot) {
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: `${screenshot}.png` });
  }
}

describe('every role’s screens fit the district PCs', () => {
  const facility = facilityInBrowsers({ prepare });

  it.each(SIZES)('at $width×$height no header item wraps and nothing overflows', async (size) => {
    const page = await facility.openPc('tiepdon', size);
    const shot = (name: string): string | undefined =>
      SCREENSHOTS === undefined ? undefined : join(SCREENSHOTS, `${String(size.width)}-${name}`);
    const at = `at ${String(size.width)}×${String(size.height)}`;
    // The user menu, open: it stays inside the window.
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menu').waitFor();
    await expectToFit(page, `user menu ${at}`, shot('tiepdon-menu'));
    await page.keyboard.press('Escape');
    await logout(page);
    await expectToFit(page, `login ${at}`, shot('dang-nhap'));
    for (const username of ROLES) {
      await loginAs(page, username);
      expect(await page.getByTestId('forbidden').count(), `${username} lands on a page they may use`).toBe(0);
      for (const screen of screensOf(username)) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, screen.hash);
        if (screen.name === 'phong-kham') await page.locator('#queue-room-select').selectOption(todaysVisit.roomCode);
        await page.locator(screen.ready).first().waitFor({ timeout: 20_000 });
        const where = `${username} ${screen.hash} ${at}`;
        await expectToFit(page, where, shot(`${username}-${screen.name}`));
        if (screen.open) {
          await page.locator(screen.open.click).first().click();
          await page.locator(screen.open.opened).waitFor();
          await expectToFit(page, `${where}, opened`, shot(`${username}-${screen.name}-mo`));
        }
      }
      await logout(page);
    }
  });
});
