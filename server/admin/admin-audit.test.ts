import { describe, expect, it } from 'vitest';
import { auditDetail } from './admin-audit';

describe('what the admin audit trail keeps of a request body', () => {
  it('hides secrets and keeps the rest', () => {
    expect(auditDetail({ username: 'tinh', password: 'secret-2026', role: 'sync-admin', active: false })).toEqual({
      username: 'tinh',
      password: '(hidden)',
      role: 'sync-admin',
      active: false,
    });
  });

  it('cuts long texts and keeps only the size of a file or a batch', () => {
    const detail = auditDetail({ name: 'x'.repeat(300) }) as { name: string };
    expect(detail.name).toHaveLength(201);
    expect(auditDetail('code,name\n'.repeat(1000))).toEqual({ textLength: 10_000 });
    expect(auditDetail([1, 2, 3])).toEqual({ items: 3 });
    expect(auditDetail(undefined)).toBeNull();
  });
});
