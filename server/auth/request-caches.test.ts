import { describe, expect, it } from 'vitest';
import { NotifiedCache, RequestCaches, staffChangedPayload } from './request-caches';

describe('a cache dropped by notifications', () => {
  it('keeps a loaded value until it is invalidated or a minute has passed', async () => {
    let now = 0;
    const cache = new NotifiedCache<number>(() => now);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    cache.invalidate('a');
    expect(await cache.get('a', load)).toBe(2);
    now += 60_001;
    expect(await cache.get('a', load)).toBe(3);
  });

  it('does not keep a value read while an invalidation arrived (it may predate the change)', async () => {
    const cache = new NotifiedCache<string>();
    let release: (value: string) => void = () => undefined;
    const reading = cache.get('device', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate('device');
    release('live');
    expect(await reading).toBe('live');
    expect(await cache.get('device', () => Promise.resolve('revoked'))).toBe('revoked');
  });

  it('keeps only what `keep` accepts', async () => {
    const cache = new NotifiedCache<string | undefined>();
    await cache.get(
      'unknown',
      () => Promise.resolve(undefined),
      (value) => value !== undefined,
    );
    expect(await cache.get('unknown', () => Promise.resolve('enrolled'))).toBe('enrolled');
  });

  it('routes revocations and staff writes to their cache, and empties both when notifications were lost', async () => {
    const caches = new RequestCaches();
    const staff = new Map();
    const device = { facility_code: '10010', province_code: '15', token_hash: 'h', revoked: false };
    const fill = async () => {
      await caches.devices.get('d1', () => Promise.resolve(device));
      await caches.staff.get('10010', () => Promise.resolve(staff));
    };
    const cached = async () => ({
      device: await caches.devices.get('d1', () => Promise.resolve(undefined)),
      staff: await caches.staff.get('10010', () => Promise.resolve(new Map())),
    });
    await fill();
    caches.onNotify('10010');
    expect(await cached()).toEqual({ device, staff });
    caches.onNotify('device:d1');
    expect((await cached()).device).toBeUndefined();
    await fill();
    caches.onNotify(staffChangedPayload('10010'));
    expect((await cached()).staff).not.toBe(staff);
    await fill();
    caches.onNotify('*');
    const after = await cached();
    expect(after.device).toBeUndefined();
    expect(after.staff).not.toBe(staff);
  });
});
