/**
 * Patient data never crosses a network in clear text: a provincial server is reached over HTTPS,
 * except on this PC itself (the demo, a facility hub on the same machine) or when an admin has
 * explicitly allowed plain HTTP for that one server (`allowInsecureHosts` in the client config).
 */
export type ServerUrlProblem = 'server-url-invalid' | 'insecure-server';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function checkServerUrl(serverUrl: string, allowInsecureHosts: readonly string[] = []): ServerUrlProblem | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return 'server-url-invalid';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'server-url-invalid';
  if (isLoopback(url.hostname)) return null;
  return allowInsecureHosts.includes(url.host) ? null : 'insecure-server';
}

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}
