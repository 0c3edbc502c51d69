import {
  ADMIN_API_PREFIX,
  type AdminIdentity,
  type EnrollmentCodeResponse,
  type FacilityChanges,
  type FacilityRecord,
  type NewFacility,
  type SignInResponse,
} from '../../shared/admin/admin-api';

const SESSION_KEY = 'sen.console.session';

/** A refusal from the admin API, with its kebab-case code; `network` when no answer came. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredSession {
  token: string;
  admin: AdminIdentity;
}

/** The session lives in sessionStorage: closing the tab signs out, and other tabs do not share it. */
export function storedSession(): StoredSession | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StoredSession;
  } catch {
    return null;
  }
}

function storeSession(session: StoredSession | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${ADMIN_API_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new AdminApiError(0, 'network', 'network');
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; message?: string };
    throw new AdminApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText);
  }
  return parsed as T;
}

/** Every call the console makes: the admin API only, with the session token. */
export class AdminClient {
  constructor(
    private readonly token: string,
    /** Told when the server says the session is over (expired, ended, locked). */
    private readonly onSessionLost: (code: string) => void,
  ) {}

  static async signIn(username: string, password: string): Promise<StoredSession> {
    const answer = await call<SignInResponse>('POST', '/sessions', null, { username, password });
    const session = { token: answer.token, admin: answer.admin };
    storeSession(session);
    return session;
  }

  /** One admin API call; each page's own api module (e.g. `console/devices/devices-api.ts`) builds on it. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await call<T>(method, path, this.token, body);
    } catch (error) {
      if (error instanceof AdminApiError && (error.status === 401 || error.status === 423)) {
        storeSession(null);
        this.onSessionLost(error.code);
      }
      throw error;
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.request('DELETE', '/sessions/current');
    } finally {
      storeSession(null);
    }
  }

  async facilities(): Promise<FacilityRecord[]> {
    return (await this.request<{ facilities: FacilityRecord[] }>('GET', '/facilities')).facilities;
  }

  createFacility(facility: NewFacility): Promise<FacilityRecord> {
    return this.request('POST', '/facilities', facility);
  }

  changeFacility(code: string, changes: FacilityChanges): Promise<FacilityRecord> {
    return this.request('PATCH', `/facilities/${code}`, changes);
  }

  setFacilityActive(code: string, active: boolean): Promise<FacilityRecord> {
    return this.request('POST', `/facilities/${code}/${active ? 'reactivate' : 'deactivate'}`, {});
  }

  issueEnrollmentCode(code: string): Promise<EnrollmentCodeResponse> {
    return this.request('POST', `/facilities/${code}/enrollment-codes`, {});
  }
}
