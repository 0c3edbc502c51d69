import type { SenDatabase } from './collections';
import { readLocalState, writeLocalState } from './local-state';

const SERIALS_ID = 'device-serials';

/**
 * Serial numbers this PC hands out for the codes it issues (prescription codes), one counter per
 * kind, kept in a local document so that a restart continues where it stopped. Issued one at a
 * time: two prescriptions saved at once still get two numbers.
 */
export class DeviceSerials {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly database: SenDatabase) {}

  next(kind: string): Promise<number> {
    const issued = this.queue.then(async () => {
      const counters = (await readLocalState<Record<string, number>>(this.database, SERIALS_ID)) ?? {};
      const serial = counters[kind] ?? 0;
      await writeLocalState(this.database, SERIALS_ID, { ...counters, [kind]: serial + 1 });
      return serial;
    });
    this.queue = issued.catch(() => undefined);
    return issued;
  }
}
