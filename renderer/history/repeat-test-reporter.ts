import { v7 as uuidv7 } from 'uuid';
import { REPEAT_TESTS_PATH, type RepeatTestReport } from '../../shared/history/history-request';
import type { SenDatabase } from '../db/collections';
import { listLocalState, removeLocalState, writeLocalState } from '../db/local-state';
import { requestJson } from '../sync/sync-http';

const PREFIX = 'repeat-report:';

export type RepeatOutcome = Omit<RepeatTestReport, 'id' | 'at'>;

/**
 * Tells the province what became of each repeat-test warning a doctor saw (ordered anyway, or
 * left out), so that it can count warnings and tests avoided per facility. Each report is kept
 * on this PC until the server has it: offline, it waits for the next report to carry it along.
 */
export class RepeatTestReporter {
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: SenDatabase,
    private readonly device: { serverUrl: string; token: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async report(outcomes: readonly RepeatOutcome[]): Promise<void> {
    const at = this.now().toISOString();
    for (const outcome of outcomes) {
      const report: RepeatTestReport = { ...outcome, id: uuidv7(), at };
      await writeLocalState(this.database, `${PREFIX}${report.id}`, report);
    }
    await this.flush();
  }

  /** Sends what waits; a failure leaves it waiting (the server keeps a report sent twice once). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.send()).catch(() => undefined);
    return this.flushing;
  }

  private async send(): Promise<void> {
    const waiting = await listLocalState(this.database, PREFIX);
    if (waiting.length === 0) return;
    const reports = waiting.slice(0, 200).map((entry) => entry.data as RepeatTestReport);
    await requestJson(new URL(REPEAT_TESTS_PATH, this.device.serverUrl), {
      method: 'POST',
      credential: this.device.token,
      body: { reports },
    });
    for (const entry of waiting.slice(0, 200)) await removeLocalState(this.database, entry.id);
  }
}
