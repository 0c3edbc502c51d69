import { DEVICE_RENAME_SIGNED_AS, type StaffRenameDevice } from '../../shared/sync/device-rename';
import { can } from '../../shared/staff/roles';
import { standing, type WriteRefusal } from '../../shared/staff/authorize-write';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { SignatureChecker, SignatureRefusal } from '../signing/signature-checker';

/**
 * Why a rename is refused (403 forbidden, `details.reason`), or null: the staff member who
 * signed it must be an active account of the PC's facility holding `sync.manage`, and the
 * signature theirs, with a key their account lists as the server holds it, over this PC and
 * this name. The PC's token alone proves only the PC: any user logged in there could send it.
 */
export async function deviceRenameRefusal(
  signatures: SignatureChecker,
  staff: ReadonlyMap<string, StaffDocument>,
  deviceId: string,
  rename: StaffRenameDevice,
): Promise<WriteRefusal | SignatureRefusal | null> {
  const account = staff.get(rename.staffId);
  const accountStanding = standing(account);
  if (accountStanding || !account) return accountStanding;
  if (!can(account.roles, 'sync.manage')) return 'not-permitted';
  return signatures.refusal(
    {
      collection: DEVICE_RENAME_SIGNED_AS,
      state: { deviceId, name: rename.name, staffId: rename.staffId, requestedAt: rename.requestedAt },
      signature: rename.signature,
      author: rename.staffId,
    },
    staff,
  );
}
