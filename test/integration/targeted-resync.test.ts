import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncPath, syncStreamPath } from '../../shared/sync/protocol';
import { readResyncEvent, type ChangedCollections } from '../../shared/sync/resync-event';
import { patientDocument } from '../helpers/patient-documents';
import { registrarRow } from '../helpers/signing';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('the live stream names what changed', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('asks for every collection on connect, then only for the collection a push changed', async () => {
    const reader = await server.enroll('reader');
    const writer = await server.enroll('writer');
    const controller = new AbortController();
    const events: { raw: string; collections: ChangedCollections }[] = [];
    const stream = await fetch(`${server.url}${syncStreamPath()}`, {
      headers: { authorization: `Bearer ${reader.token}` },
      signal: controller.signal,
    });
    const reading = (async () => {
      const body = stream.body?.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const chunk = await body?.read().catch(() => undefined);
        if (!chunk || chunk.done) return;
        buffered += decoder.decode(chunk.value, { stream: true });
        const parts = buffered.split('\n\n');
        buffered = parts.pop() ?? '';
        for (const raw of parts) {
          const collections = readResyncEvent(raw);
          if (collections !== undefined) events.push({ raw, collections });
        }
      }
    })();
    try {
      await waitFor(() => events.length === 1, 'the RESYNC sent on connect');
      expect(events[0]?.collections).toBeNull();

      const push = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify([await registrarRow(patientDocument('10010'))]),
      });
      expect(push.status, await push.clone().text()).toBe(200);
      await waitFor(() => events.length === 2, 'the push announced');
      expect(events[1]?.collections).toEqual(['patients']);
      // An app from before the names still finds the line it looks for, and pulls everything.
      expect(events[1]?.raw.split('\n')).toContain('data: RESYNC');
    } finally {
      controller.abort();
      await reading;
    }
  });
});
