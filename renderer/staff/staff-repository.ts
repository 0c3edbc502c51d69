import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { createPasswordVerifier } from '../../shared/staff/password-verifier';
import { passwordProblems, type PasswordProblem } from '../../shared/staff/password-policy';
import type { Role } from '../../shared/staff/roles';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import type { SenDatabase } from '../db/collections';
import type { Outbox } from '../db/outbox';
import { NO_AUDIT, type AuditRecorder } from '../audit/audit-log';

export interface NewStaff {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export type StaffProblem =
  PasswordProblem | 'username-invalid' | 'username-taken' | 'display-name-missing' | 'roles-missing';
export type StaffResult = { ok: true; staff: StaffDocument } | { ok: false; problems: StaffProblem[] };

/** The facility's staff accounts as synced to this PC: the only way the UI reads or writes them. */
export class StaffRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly outbox: Outbox,
    private readonly facilityCode: string,
    private readonly now: () => Date = () => new Date(),
    private readonly audit: AuditRecorder = NO_AUDIT,
  ) {}

  async findByUsername(username: string): Promise<StaffDocument | null> {
    const found = await this.database.staff.findOne({ selector: { username: username.trim().toLowerCase() } }).exec();
    return found?.toMutableJSON() ?? null;
  }

  async get(id: string): Promise<StaffDocument | null> {
    return (await this.database.staff.findOne(id).exec())?.toMutableJSON() ?? null;
  }

  /** Every account, sorted by username, kept current as sync brings changes. */
  list$(): Observable<StaffDocument[]> {
    return this.database.staff
      .find({ selector: {}, sort: [{ username: 'asc' }] })
      .$.pipe(map((documents) => documents.map((document) => document.toMutableJSON())));
  }

  async count(): Promise<number> {
    return this.database.staff.count().exec();
  }

  /** Sets a new password offline; it reaches the server with the next push. */
  async setPassword(staffId: string, password: string, author: string): Promise<StaffResult> {
    const current = await this.get(staffId);
    if (!current) return { ok: false, problems: ['username-invalid'] };
    const problems = passwordProblems(password, current.username);
    if (problems.length > 0) return { ok: false, problems };
    const now = this.now().toISOString();
    const verifier = await createPasswordVerifier(password);
    const result = await this.write(current, { password: verifier, passwordChangedAt: now, updatedBy: author });
    if (result.ok) await this.audit.record({ action: 'password-change', userId: author, username: current.username });
    return result;
  }

  /** A facility admin's change of name, roles or active state. */
  async update(
    staffId: string,
    changes: Partial<Pick<StaffDocument, 'displayName' | 'roles' | 'active'>>,
    author: string,
  ): Promise<StaffResult> {
    const current = await this.get(staffId);
    if (!current) return { ok: false, problems: ['username-invalid'] };
    const result = await this.write(current, { ...changes, updatedBy: author });
    if (result.ok) await this.audit.record({ action: 'staff-update', userId: author, username: current.username });
    return result;
  }

  async create(input: NewStaff, author: string): Promise<StaffResult> {
    const username = input.username.trim().toLowerCase();
    const problems: StaffProblem[] = passwordProblems(input.password, username);
    if (!staffDocumentSchema.shape.username.safeParse(username).success) problems.push('username-invalid');
    else if (await this.findByUsername(username)) problems.push('username-taken');
    if (input.displayName.trim() === '') problems.push('display-name-missing');
    if (input.roles.length === 0) problems.push('roles-missing');
    if (problems.length > 0) return { ok: false, problems };
    const now = this.now().toISOString();
    const staff: StaffDocument = {
      id: uuidv7(),
      facilityCode: this.facilityCode,
      username,
      displayName: input.displayName.trim(),
      roles: input.roles,
      active: true,
      password: await createPasswordVerifier(input.password),
      passwordChangedAt: now,
      updatedAt: now,
      updatedBy: author,
    };
    await this.database.staff.insert(staff);
    await this.outbox.recordLocalWrite('staff', { ...staff, _deleted: false }, null);
    await this.audit.record({ action: 'staff-create', userId: author, username });
    return { ok: true, staff };
  }

  private async write(current: StaffDocument, changes: Partial<StaffDocument>): Promise<StaffResult> {
    const next = staffDocumentSchema.parse({ ...current, ...changes, updatedAt: this.now().toISOString() });
    const document = await this.database.staff.findOne(current.id).exec();
    if (!document) return { ok: false, problems: ['username-invalid'] };
    await document.incrementalPatch(next);
    await this.outbox.recordLocalWrite('staff', { ...next, _deleted: false }, { ...current, _deleted: false });
    return { ok: true, staff: next };
  }
}
