import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfigPaths, loadClientConfig } from '../../electron/main/client-config';

const run = promisify(execFile);
const TRY_NSIS = new URL('../../scripts/installer/try-nsis.sh', import.meta.url).pathname;
const hasMakensisAndWine =
  spawnSync('sh', ['-c', 'command -v makensis && command -v wine'], { stdio: 'ignore' }).status === 0;

/**
 * build/installer.nsh in a real NSIS installer, installed silently under wine (Debian's nsis and
 * wine; not in CI: wine is large). The app's own loader reads what the installer wrote.
 */
describe.runIf(hasMakensisAndWine)(
  'a silent install under wine writes the config.json the app reads (needs makensis and wine)',
  () => {
    let workdir: string;
    let driveC: string;
    beforeAll(async () => {
      workdir = await mkdtemp(join(tmpdir(), 'sen-nsis-'));
      driveC = join(workdir, 'prefix', 'drive_c');
    });
    afterAll(async () => {
      await run('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: join(workdir, 'prefix') } }).catch(
        () => undefined,
      );
      await rm(workdir, { recursive: true, force: true });
    });

    const install = (...options: string[]) => run(TRY_NSIS, [workdir, ...options], { timeout: 240_000 });
    const appConfig = () =>
      loadClientConfig(
        clientConfigPaths({
          platform: 'win32',
          programData: join(driveC, 'ProgramData'),
          userData: join(workdir, 'nobody'),
        }),
        {},
      );

    it('from the command line: /S /SERVER= /CODE= /NAME= /D=, Vietnamese name intact, files in the chosen folder', async () => {
      // One argument with a space: wine passes it quoted ("/NAME=Khoa khám 1"), as cmd does for a quoted path.
      await install(
        '/S',
        '/SERVER=https://sen.soyte-laocai.vn/tinh',
        '/CODE=ABCD-1234',
        '/NAME=Khoa khám 1',
        '/D=C:\\Sen',
      );
      expect(appConfig()).toEqual({
        serverUrl: 'https://sen.soyte-laocai.vn/tinh',
        enrollmentCode: 'ABCD-1234',
        deviceName: 'Khoa khám 1',
      });
      expect(await readFile(join(driveC, 'Sen', 'payload.txt'), 'utf8')).toContain('Sen');
    }, 300_000);

    it('from sen-config.json beside the installer, as it is, named after the computer when it carries a code but no name', async () => {
      await writeFile(
        join(workdir, 'sen-config.json'),
        JSON.stringify(
          { serverUrl: 'https://sen.example', enrollmentCode: 'XY-77', allowInsecureHosts: ['10.0.0.5:8780'] },
          null,
          2,
        ),
      );
      await install('/S');
      const config = appConfig();
      expect(config).toMatchObject({
        serverUrl: 'https://sen.example',
        enrollmentCode: 'XY-77',
        allowInsecureHosts: ['10.0.0.5:8780'],
      });
      expect(config.deviceName).toMatch(/\S/);
      await rm(join(workdir, 'sen-config.json'));
    }, 300_000);

    it("an update (no options, no file) keeps the PC's configuration", async () => {
      const before = appConfig();
      await install('/S', '--updated');
      expect(appConfig()).toEqual(before);
    }, 300_000);
  },
);
