import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import { attemptsLeft, lockRemainingMs, recordFailure, type FailedLogins } from '../../shared/staff/lockout';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { verifyPassword } from '../../shared/staff/password-verifier';
import { can, type Permission } from '../../shared/staff/roles';
import { unsealPrivateKey } from '../../shared/staff/sealed-key';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { SenDatabase } from '../db/collections';
import { readLocalState, writeLocalState } from '../db/local-state';
import type { StaffRepository } from '../staff/staff-repository';

export type SessionState =
  | { kind: 'logged-out' }
  | { kind: 'active'; user: StaffDocument }
  /** Idle or locked by hand: the screens stay as they were, hidden until the password. */
  | { kind: 'locked'; user: StaffDocument };

export type LoginFailure =
  | { reason: 'wrong-credentials'; attemptsLeft: number }
  | { reason: 'locked-out'; retryInMs: number }
  | { reason: 'inactive' };
export type LoginResult = { ok: true; user: StaffDocument } | ({ ok: false } & LoginFailure);

/** A successful check: the account, and its signing key if the password unsealed it. */
type CheckResult = { ok: true; user: StaffDocument; signer: DocumentSigner | null } | ({ ok: false } & LoginFailure);

export interface SessionEvent {
  action: 'login' | 'login-failed' | 'logout' | 'lock' | 'unlock';
  userId: string | null;
  username: string;
}

export interface RecentUser {
  id: string;
  username: string;
  displayName: string;
}

const FAILURES_ID = 'login-failures';
const RECENT_ID = 'recent-users';
const RECENT_MAX = 6;
const USERNAME_MAX = 64;
/** Names with failures kept on the PC; the oldest are forgotten beyond this. */
const FAILURES_KEPT = 200;

function withFailure(
  failures: Partial<Record<string, FailedLogins>>,
  username: string,
  state: FailedLogins,
): Partial<Record<string, FailedLogins>> {
  const { [username]: _previous, ...others } = failures;
  const kept = Object.entries(others).slice(-(FAILURES_KEPT - 1));
  return { ...Object.fromEntries(kept), [username]: state };
}

/**
 * Who is at the keyboard. Login is checked offline against the account's synced password
 * verifier; repeated failures lock the username on this PC (shared/staff/lockout.ts).
 *
 * The same password unseals the user's private signing key (shared/staff/sealed-key.ts), held
 * in memory as a key WebCrypto will not hand out, while the session is active or locked, and
 * dropped at logout: every write is signed by the user who made it.
 */
export class Session {
  private readonly state = new BehaviorSubject<SessionState>({ kind: 'logged-out' });
  private heldSigner: DocumentSigner | null = null;
  readonly state$: Observable<SessionState> = this.state.asObservable();
  private readonly events = new Subject<SessionEvent>();
  /** Every login, failure, lock and logout: what the audit trail records. */
  readonly events$: Observable<SessionEvent> = this.events.asObservable();
  private accountWatch: Subscription | undefined;
  private checks: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: SenDatabase,
    private readonly staff: StaffRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get current(): SessionState {
    return this.state.value;
  }

  /** The user whose session this is, locked or not: whose drafts are being kept. */
  heldBy(): string {
    const state = this.state.value;
    if (state.kind === 'logged-out') throw new Error('no user is logged in');
    return state.user.id;
  }

  /** The logged-in user's id, for the author fields of every write. */
  requireUserId(): string {
    const state = this.state.value;
    if (state.kind !== 'active') throw new Error('no user is logged in');
    return state.user.id;
  }

  /** The logged-in user's signing key, for the DocumentWriter (throws when there is none). */
  signer(): DocumentSigner {
    const state = this.state.value;
    if (state.kind !== 'active') throw new Error('no user is logged in');
    if (this.heldSigner?.signer !== state.user.id) throw new Error('the user has no signing key on this PC');
    return this.heldSigner;
  }

  /**
   * The key of `userId` if this session holds it, active or locked: the audit trail signs a
   * session's own events with it (a lock while locked, a logout just before the key goes).
   */
  signerFor(userId: string): DocumentSigner | null {
    return this.heldSigner?.signer === userId ? this.heldSigner : null;
  }

  can(permission: Permission): boolean {
    const state = this.state.value;
    return state.kind === 'active' && can(state.user.roles, permission);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase().slice(0, USERNAME_MAX);
    const account = await this.staff.findByUsername(name);
    const result = await this.check(account, name, password);
    if (result.ok) {
      this.setActive(result.user, result.signer);
      await this.remember(result.user);
      this.events.next({ action: 'login', userId: result.user.id, username: name });
    }
    return loginResult(result);
  }

  /** Back to work after a lock: only the same user's password opens the same screens. */
  async unlock(password: string): Promise<LoginResult> {
    const state = this.state.value;
    if (state.kind !== 'locked') throw new Error('the session is not locked');
    const account = await this.staff.get(state.user.id);
    const result = await this.check(account, state.user.username, password);
    if (result.ok) {
      this.setActive(result.user, result.signer);
      this.events.next({ action: 'unlock', userId: result.user.id, username: result.user.username });
    }
    return loginResult(result);
  }

  lock(): void {
    const state = this.state.value;
    if (state.kind !== 'active') return;
    this.state.next({ kind: 'locked', user: state.user });
    this.events.next({ action: 'lock', userId: state.user.id, username: state.user.username });
  }

  logout(): void {
    const state = this.state.value;
    if (state.kind === 'logged-out') return;
    this.accountWatch?.unsubscribe();
    this.state.next({ kind: 'logged-out' });
    // Recorded (and signed) while the key is still held; then it goes.
    this.events.next({ action: 'logout', userId: state.user.id, username: state.user.username });
    this.heldSigner = null;
  }

  /** Who used this PC lately, most recent first: one click to switch user at a shared desk. */
  async recentUsers(): Promise<RecentUser[]> {
    return (await readLocalState<{ users: RecentUser[] }>(this.database, RECENT_ID))?.users ?? [];
  }

  /** How a username stands after failures: tries left before a lock, or time until the next. */
  async lockout(username: string): Promise<{ attemptsLeft: number; retryInMs: number }> {
    const state = (await this.failures())[username.trim().toLowerCase()];
    return { attemptsLeft: attemptsLeft(state), retryInMs: lockRemainingMs(state, this.now()) };
  }

  close(): void {
    this.accountWatch?.unsubscribe();
    this.heldSigner = null;
  }

  /** One check at a time: two quick tries must both count against the lockout. */
  private check(account: StaffDocument | null, username: string, password: string): Promise<CheckResult> {
    const next = this.checks.then(() => this.checkNow(account, username, password));
    this.checks = next.catch(() => undefined);
    return next;
  }

  private async checkNow(account: StaffDocument | null, username: string, password: string): Promise<CheckResult> {
    const failures = await this.failures();
    const previous = failures[username];
    const retryInMs = lockRemainingMs(previous, this.now());
    if (retryInMs > 0) return { ok: false, reason: 'locked-out', retryInMs };
    // An unknown name gets the same answer as a wrong password. The key is unsealed side by
    // side with the check (both are 600,000 rounds of PBKDF2), and kept only if it passes.
    const [matches, privateKey] = account
      ? await Promise.all([verifyPassword(password, account.password), unsealPrivateKey(account.sealedKey, password)])
      : [false, null];
    if (account && matches) {
      if (!account.active) return { ok: false, reason: 'inactive' };
      if (previous) await this.saveFailures({ ...failures, [username]: undefined });
      const signer = privateKey && { signer: account.id, keyId: account.sealedKey.keyId, privateKey };
      return { ok: true, user: account, signer };
    }
    // A name that is no account may be a password typed in the wrong box: it stays on this PC.
    // The entry names no user: nobody proved to be one (and nobody can sign it).
    this.events.next({ action: 'login-failed', userId: null, username: account ? username : '' });
    // Unknown names lock like known ones, so the answers do not tell which accounts exist.
    const next = recordFailure(previous, this.now());
    await this.saveFailures(withFailure(failures, username, next));
    const lockedFor = lockRemainingMs(next, this.now());
    return lockedFor > 0
      ? { ok: false, reason: 'locked-out', retryInMs: lockedFor }
      : { ok: false, reason: 'wrong-credentials', attemptsLeft: attemptsLeft(next) };
  }

  private setActive(user: StaffDocument, signer: DocumentSigner | null): void {
    this.heldSigner = signer;
    this.state.next({ kind: 'active', user });
    this.accountWatch?.unsubscribe();
    // A change synced from the province applies at once: deactivated → logged out, roles → new rights.
    this.accountWatch = this.database.staff.findOne(user.id).$.subscribe((document) => {
      const state = this.state.value;
      if (!document || state.kind === 'logged-out' || state.user.id !== user.id) return;
      const account = document.toMutableJSON();
      if (!account.active) this.logout();
      else this.state.next({ kind: state.kind, user: account });
    });
  }

  private async remember(user: StaffDocument): Promise<void> {
    const others = (await this.recentUsers()).filter((recent) => recent.id !== user.id);
    const users = [{ id: user.id, username: user.username, displayName: user.displayName }, ...others];
    await writeLocalState(this.database, RECENT_ID, { users: users.slice(0, RECENT_MAX) });
  }

  private async failures(): Promise<Partial<Record<string, FailedLogins>>> {
    return (
      (await readLocalState<{ byUsername: Record<string, FailedLogins> }>(this.database, FAILURES_ID))?.byUsername ?? {}
    );
  }

  private async saveFailures(byUsername: Partial<Record<string, FailedLogins>>): Promise<void> {
    const kept = Object.fromEntries(Object.entries(byUsername).filter(([, state]) => state !== undefined));
    await writeLocalState(this.database, FAILURES_ID, { byUsername: kept });
  }
}

function loginResult(result: CheckResult): LoginResult {
  if (!result.ok) return result;
  return { ok: true, user: result.user };
}
