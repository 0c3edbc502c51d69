import { describe, expect, it } from 'vitest';
import { SyncNetworkError, SyncRequestError } from '../sync/sync-http';
import { enrollmentProblem } from './enrollment-problem';
import { vi as vietnamese } from '../i18n/vi';

describe('why an enrollment failed, in words the installer can act on', () => {
  it('names the server’s refusals it can explain, each with a Vietnamese message', () => {
    for (const code of ['enrollment-code-invalid', 'facility-inactive', 'device-revoked', 'insecure-server'] as const) {
      const problem = enrollmentProblem(new SyncRequestError(403, code, 'refused'));
      expect(problem).toEqual({ key: `enroll.${code}` });
      expect(vietnamese.enroll).toHaveProperty(code);
    }
  });

  it('calls a lost connection a network problem (the code stays usable)', () => {
    expect(enrollmentProblem(new SyncNetworkError('reset'))).toEqual({ key: 'enroll.network' });
    expect(enrollmentProblem(new TypeError('Failed to fetch'))).toEqual({ key: 'enroll.network' });
  });

  it('passes anything else on with its message', () => {
    expect(enrollmentProblem(new SyncRequestError(500, 'unexpected-response', 'boom'))).toEqual({
      key: 'enroll.failed',
      values: { message: 'boom' },
    });
    expect(enrollmentProblem('odd')).toEqual({ key: 'enroll.failed', values: { message: 'odd' } });
  });
});
