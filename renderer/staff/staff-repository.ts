import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { createPasswordVerifier } from '../../shared/staff/password-verifier';
import { passwordProblems, type PasswordProblem } from '../../shared/staff/password-policy';
import type { Role } from '../../shared/staff/roles';
import { resealPrivateKey } from '../../shared/staff/sealed-key';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { newStaffKey } from '../../shared/staff/staff-keys';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import { NO_AUDIT, type AuditRecorder } from '../audit/audit-log';

export interface NewStaff {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export type StaffProblem =
  | PasswordProblem
  | 'username-invalid'
  | 'username-taken'
  | 'display-name-missing'
  | 'roles-missing'
  | 'current-password-wrong';
export type StaffResult = { ok: true; staff: StaffDocument } | { ok: false; problems: StaffProblem[] };

/** The body of an account as the UI sees it: the sync envelope stays in the database layer. */
function accountOf(stored: StaffDocument & { syncMeta?: unknown }): StaffDocument {
  const { syncMeta: _envelope, ...account } = stored;
  return account;
}

/**
 * The facility's staff accounts as synced to this PC: the only way the UI reads or writes them.
 * Every write is made, and signed, as the logged-in user (DocumentWriter).
 */
export class StaffRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly facilityCode: string,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditRecorder = NO_AUDIT,
  ) {}

  async findByUsername(username: string): Promise<StaffDocument | null> {
    const found = await this.database.staff.findOne({ selector: { username: username.trim().toLowerCase() } }).exec();
    return found ? accountOf(found.toMutableJSON()) : null;
  }

  async get(id: string): Promise<StaffDocument | null> {
    const found = await this.database.staff.findOne(id).exec();
    return found ? accountOf(found.toMutableJSON()) : null;
  }

  /** Every account, sorted by username, kept current as sync brings changes. */
  list$(): Observable<StaffDocument[]> {
    return this.database.staff
      .find({ selector: {}, sort: [{ username: 'asc' }] })
      .$.pipe(map((documents) => documents.map((document) => accountOf(document.toMutableJSON()))));
  }

  async count(): Promise<number> {
    return this.database.staff.count().exec();
  }

  /**
   * The logged-in user's own new password, offline; it reaches the server with the next push.
   * The current password unseals their private key, which is sealed again under the new one:
   * the key pair stays, so what they signed before and what they sign next check alike.
   */
  async changeOwnPassword(currentPassword: string, newPassword: string): Promise<StaffResult> {
    const author = this.writer.author();
    const current = await this.get(author);
    if (!current) return { ok: false, problems: ['username-invalid'] };
    const problems = passwordProblems(newPassword, current.username);
    if (problems.length > 0) return { ok: false, problems };
    const [sealedKey, password] = await Promise.all([
      resealPrivateKey(current.sealedKey, currentPassword, newPassword),
      createPasswordVerifier(newPassword),
    ]);
    if (!sealedKey) return { ok: false, problems: ['current-password-wrong'] };
    const now = this.now().toISOString();
    const result = await this.write(current.id, { password, passwordChangedAt: now, sealedKey });
    if (result.ok) await this.audit.record({ action: 'password-change', userId: author, username: current.username });
    return result;
  }

  /**
   * A facility admin sets a new password for someone who forgot theirs. The old one is unknown,
   * so their old key cannot be unsealed: a new key pair is made here, sealed with the new
   * password, and its public key appended to the account, vouched for by the admin's signature.
   */
  async resetPassword(staffId: string, newPassword: string): Promise<StaffResult> {
    const current = await this.get(staffId);
    if (!current) return { ok: false, problems: ['username-invalid'] };
    const problems = passwordProblems(newPassword, current.username);
    if (problems.length > 0) return { ok: false, problems };
    const now = this.now().toISOString();
    const [password, { key, sealedKey }] = await Promise.all([
      createPasswordVerifier(newPassword),
      newStaffKey(newPassword, now),
    ]);
    const result = await this.write(staffId, {
      password,
      passwordChangedAt: now,
      keys: [...current.keys, key],
      sealedKey,
    });
    if (result.ok) {
      await this.audit.record({ action: 'password-change', userId: this.writer.author(), username: current.username });
    }
    return result;
  }

  /** A facility admin's change of name, roles or active state. */
  async update(
    staffId: string,
    changes: Partial<Pick<StaffDocument, 'displayName' | 'roles' | 'active'>>,
  ): Promise<StaffResult> {
    const current = await this.get(staffId);
    if (!current) return { ok: false, problems: ['username-invalid'] };
    const result = await this.write(staffId, changes);
    if (result.ok) {
      await this.audit.record({ action: 'staff-update', userId: this.writer.author(), username: current.username });
    }
    return result;
  }

  /** A new account made by the facility admin, with its first key pair sealed with its password. */
  async create(input: NewStaff): Promise<StaffResult> {
    const author = this.writer.author();
    const username = input.username.trim().toLowerCase();
    const problems: StaffProblem[] = passwordProblems(input.password, username);
    if (!staffDocumentSchema.shape.username.safeParse(username).success) problems.push('username-invalid');
    else if (await this.findByUsername(username)) problems.push('username-taken');
    if (input.displayName.trim() === '') problems.push('display-name-missing');
    if (input.roles.length === 0) problems.push('roles-missing');
    if (problems.length > 0) return { ok: false, problems };
    const now = this.now().toISOString();
    const [password, { key, sealedKey }] = await Promise.all([
      createPasswordVerifier(input.password),
      newStaffKey(input.password, now),
    ]);
    const staff: StaffDocument = {
      id: uuidv7(),
      facilityCode: this.facilityCode,
      username,
      displayName: input.displayName.trim(),
      roles: input.roles,
      active: true,
      password,
      passwordChangedAt: now,
      updatedAt: now,
      updatedBy: author,
      keys: [key],
      sealedKey,
    };
    await this.writer.insert('staff', staff);
    await this.audit.record({ action: 'staff-create', userId: author, username });
    return { ok: true, staff };
  }

  private async write(staffId: string, changes: Partial<StaffDocument>): Promise<StaffResult> {
    const updatedAt = this.now().toISOString();
    const written = await this.writer.update('staff', staffId, (current) =>
      staffDocumentSchema.parse({ ...current, ...changes, updatedAt, updatedBy: this.writer.author() }),
    );
    return written ? { ok: true, staff: accountOf(written) } : { ok: false, problems: ['username-invalid'] };
  }
}
