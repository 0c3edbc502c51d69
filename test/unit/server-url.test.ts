import { describe, expect, it } from 'vitest';
import { checkServerUrl } from '../../shared/sync/server-url';

describe('which provincial server addresses the client accepts', () => {
  it.each([
    'https://so-yte.laocai.gov.vn/',
    'https://10.0.0.5:8443',
    'http://127.0.0.1:8780',
    'http://localhost:8780',
    'http://[::1]:8780',
    'http://127.3.2.1/',
  ])('accepts %s', (url) => {
    expect(checkServerUrl(url)).toBeNull();
  });

  it.each([
    'http://so-yte.laocai.gov.vn/',
    'http://192.168.1.20:8780',
    'http://127.0.0.1.evil.example/',
    'http://localhost.evil.example/',
  ])('refuses plain HTTP to %s', (url) => {
    expect(checkServerUrl(url)).toBe('insecure-server');
  });

  it('accepts plain HTTP to a server an admin allowed explicitly, and only that one', () => {
    expect(checkServerUrl('http://192.168.1.20:8780/', ['192.168.1.20:8780'])).toBeNull();
    expect(checkServerUrl('http://192.168.1.21:8780/', ['192.168.1.20:8780'])).toBe('insecure-server');
  });

  it.each(['ftp://so-yte.example/', 'javascript:alert(1)', 'not a url', ''])(
    'refuses %j as no server address',
    (url) => {
      expect(checkServerUrl(url)).toBe('server-url-invalid');
    },
  );
});
