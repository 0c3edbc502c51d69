import { BehaviorSubject, firstValueFrom, skip } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatUpdateInfo } from '../../shared/updates/update-feed';
import { UpdateChecker, type UpdateOffer } from './update-checker';

const SHA = `${'A'.repeat(86)}==`;
const feedOf = (version: string): string =>
  formatUpdateInfo({ version, fileName: `Sen-Setup-${version}.exe`, sha512: SHA, size: 10, releaseDate: '2026-12-03' });

/** The province's answers in turn, as a fetch: a yml text, a status, or a network failure. */
function province(answers: (string | number | Error)[]) {
  const asked: string[] = [];
  const fetch = ((url: URL | string, init?: RequestInit) => {
    asked.push(`${String(url)} ${new Headers(init?.headers).get('authorization') ?? ''}`);
    const answer = answers.shift() ?? 404;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(typeof answer === 'number' ? new Response('{}', { status: answer }) : new Response(answer));
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('the check for a newer version', () => {
  let checker: UpdateChecker | undefined;
  afterEach(() => checker?.stop());

  const start = (answers: (string | number | Error)[], synced = new BehaviorSubject<string | null>(null)) => {
    const feed = province(answers);
    let now = 0;
    checker = new UpdateChecker({
      serverUrl: 'https://tinh.example/',
      token: 'device-token',
      runningVersion: '0.1.0',
      lastSyncedAt$: synced,
      fetch: feed.fetch,
      now: () => now,
    });
    return { checker, feed, synced, advance: (ms: number) => (now += ms) };
  };
  const nextOffer = (current: UpdateChecker): Promise<UpdateOffer | null> =>
    firstValueFrom(current.offer$.pipe(skip(1)));

  it('offers a newer version the feed names, with the device token, and nothing for the running one', async () => {
    const { checker, feed } = start([feedOf('0.2.0'), feedOf('0.1.0')]);
    const offered = nextOffer(checker);
    checker.start();
    expect(await offered).toEqual({ version: '0.2.0', releaseDate: '2026-12-03' });
    // A check while one runs joins it rather than asking twice.
    await checker.check();
    expect(feed.asked).toEqual(['https://tinh.example/updates/latest.yml Bearer device-token']);
    await checker.check();
    expect(await firstValueFrom(checker.offer$)).toBeNull();
  });

  it('keeps the last answer when offline, and clears it when the feed has nothing staged', async () => {
    const { checker } = start([feedOf('0.3.0'), new TypeError('fetch failed'), 500, 404]);
    checker.start();
    await checker.check();
    await checker.check();
    await checker.check();
    expect(await firstValueFrom(checker.offer$)).toEqual({ version: '0.3.0', releaseDate: '2026-12-03' });
    await checker.check();
    expect(await firstValueFrom(checker.offer$)).toBeNull();
  });

  it('asks again after a successful sync, but not within fifteen minutes of the last check', async () => {
    const { checker, feed, synced, advance } = start([404, feedOf('0.2.0')]);
    checker.start();
    await checker.check();
    expect(feed.asked).toHaveLength(1);
    synced.next('2026-12-03T08:00:00.000Z');
    expect(feed.asked).toHaveLength(1);
    advance(15 * 60 * 1000);
    const offered = nextOffer(checker);
    synced.next('2026-12-03T08:15:00.000Z');
    expect(await offered).toEqual({ version: '0.2.0', releaseDate: '2026-12-03' });
    expect(feed.asked).toHaveLength(2);
  });
});
