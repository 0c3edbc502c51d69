import { z } from 'zod';
import { documentSignatureSchema, signDocument } from '../signing/document-signature';
import type { DocumentSigner } from '../signing/signing-keys';
import { deviceNameSchema } from './enrollment';

/**
 * The name under which a rename statement is signed (signed-content.ts puts it in the signed
 * bytes), so that the signature cannot be passed off as a document's, nor a document's as this.
 */
export const DEVICE_RENAME_SIGNED_AS = 'device-rename';

/**
 * What a staff member signs to rename a PC: which PC, the new name, who and when. A PC's token
 * proves only the PC: the signature proves a staff member holding `sync.manage` asked, with the
 * key their account lists, as pushes prove their author (server/sync/authorize-authors.ts).
 */
export interface DeviceRenameStatement {
  deviceId: string;
  name: string;
  staffId: string;
  /** The PC's clock: shown nowhere, it makes each statement distinct. */
  requestedAt: string;
}

/** `POST /sync/v…/device`: the new name and the proof of who asks. */
export const staffRenameDeviceSchema = z
  .object({
    name: deviceNameSchema,
    staffId: z.string().min(1).max(40),
    requestedAt: z.string().min(1).max(40),
    signature: documentSignatureSchema,
  })
  .strict();
export type StaffRenameDevice = z.infer<typeof staffRenameDeviceSchema>;

/** The request body renaming `deviceId` to `name`, signed by the logged-in staff member. */
export async function signedDeviceRename(
  deviceId: string,
  name: string,
  signer: DocumentSigner,
  now: Date = new Date(),
): Promise<StaffRenameDevice> {
  // The name as the server will read it (trimmed): the signature covers exactly that.
  name = deviceNameSchema.parse(name);
  const statement: DeviceRenameStatement = { deviceId, name, staffId: signer.signer, requestedAt: now.toISOString() };
  const signature = await signDocument(DEVICE_RENAME_SIGNED_AS, statement, signer);
  return { name, staffId: statement.staffId, requestedAt: statement.requestedAt, signature };
}
