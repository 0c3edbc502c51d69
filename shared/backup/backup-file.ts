import { z } from 'zod';
import { BASE64, fromBase64, toBase64 } from '../encoding/base64';
import { MIN_PBKDF2_ITERATIONS } from '../staff/password-verifier';

/**
 * A facility backup as one text file (JSON): a readable header (facility, device, time, documents
 * per collection), a SHA-256 checksum of everything else in the file, and the content sealed with
 * AES-256-GCM under a key derived from the facility's recovery code (PBKDF2-SHA256, salt in the
 * header). The header is the cipher's additional data, so it cannot be altered either.
 *
 * The checksum tells a damaged file (truncated, a changed byte) from a wrong recovery code: with
 * the checksum right, only the key can make the seal fail to open.
 */
export const BACKUP_FORMAT = 'sen-facility-backup';
export const BACKUP_FORMAT_VERSION = 1;

const SALT_BYTES = 16;
const IV_BYTES = 12;

export const backupKdfSchema = z
  .object({
    algorithm: z.literal('pbkdf2-sha256'),
    iterations: z.number().int().min(100_000).max(10_000_000),
    salt: z.string().regex(BASE64).max(64),
  })
  .strict();
export type BackupKdf = z.infer<typeof backupKdfSchema>;

export const backupHeaderSchema = z
  .object({
    facility: z.object({ code: z.string().min(1).max(40), name: z.string().max(200) }).strict(),
    device: z.object({ id: z.string().min(1).max(100), tag: z.string().max(20) }).strict(),
    createdAt: z.iso.datetime(),
    /** Documents per synced collection, as they were in the database */
    counts: z.record(z.string().max(40), z.number().int().min(0)),
    /** Local writes the province had not acknowledged when the backup was made */
    unsent: z.number().int().min(0),
    kdf: backupKdfSchema,
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const backupFileSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int(),
    header: z.unknown(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
    iv: z.string().regex(BASE64).max(32),
    ciphertext: z.string().regex(BASE64),
  })
  .strict();

/** What a backup holds: every document of every collection, and the device's local state. */
export const backupContentSchema = z
  .object({
    collections: z.record(z.string().max(40), z.array(z.record(z.string(), z.unknown()))),
    /** RxDB local documents (the outbox, drafts…): device-only state, kept by id */
    local: z.array(z.object({ id: z.string().min(1).max(500), data: z.unknown() }).strict()),
  })
  .strict();
export type BackupContent = z.infer<typeof backupContentSchema>;

export type BackupRefusalReason = 'damaged' | 'unsupported-version' | 'wrong-code' | 'other-facility';

/** Why a file cannot be restored; nothing has been written when it is thrown. */
export class BackupRefusedError extends Error {
  constructor(
    readonly reason: BackupRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** A recovery code's key, and how it was derived (written into each file's header). */
export interface BackupKey {
  key: CryptoKey;
  kdf: BackupKdf;
}

/** A new key for a recovery code, with a salt of its own. */
export async function newBackupKey(recoveryCode: string, iterations = MIN_PBKDF2_ITERATIONS): Promise<BackupKey> {
  const kdf: BackupKdf = {
    algorithm: 'pbkdf2-sha256',
    iterations,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
  };
  return { key: await deriveBackupKey(recoveryCode, kdf), kdf };
}

/**
 * The AES key of a recovery code. Extractable: the PC keeps it (in its encrypted local state)
 * so that scheduled backups need nobody to type the code, which itself is never stored.
 */
export async function deriveBackupKey(recoveryCode: string, kdf: BackupKdf): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(normalizeRecoveryCode(recoveryCode)),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

// Crockford's base32: no I, L, O or U, so that a code read aloud or off paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUPS = 5;
const GROUP_LENGTH = 5;

/** A new recovery code: 25 characters (125 bits) in groups of five, to print or write down. */
export function newRecoveryCode(): string {
  const length = CODE_GROUPS * GROUP_LENGTH;
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every character equally likely.
  const characters = Array.from(bytes, (byte) => ALPHABET.charAt(byte % ALPHABET.length));
  const groups: string[] = [];
  for (let index = 0; index < length; index += GROUP_LENGTH)
    groups.push(characters.slice(index, index + GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** As typed: case, spaces and dashes do not matter, and O/I/L read as 0/1. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a typed code has the shape of a recovery code (before any slow key derivation). */
export function isRecoveryCodeShaped(code: string): boolean {
  const normalized = normalizeRecoveryCode(code);
  return new RegExp(`^[${ALPHABET}]{${String(CODE_GROUPS * GROUP_LENGTH)}}$`).test(normalized);
}

/** The backup file's text. */
export async function sealBackup(
  header: Omit<BackupHeader, 'kdf'>,
  content: BackupContent,
  backupKey: BackupKey,
): Promise<string> {
  const fullHeader: BackupHeader = backupHeaderSchema.parse({ ...header, kdf: backupKey.kdf });
  const headerText = JSON.stringify(fullHeader);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(content));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(headerText) },
    backupKey.key,
    plain,
  );
  const ivText = toBase64(iv);
  const ciphertext = toBase64(new Uint8Array(sealed));
  const checksum = await checksumOf(headerText, ivText, ciphertext);
  // The header first and on its own line: `head -c 2000 file` shows what a file is.
  return [
    '{',
    `"format":${JSON.stringify(BACKUP_FORMAT)},"version":${String(BACKUP_FORMAT_VERSION)},`,
    `"header":${headerText},`,
    `"checksum":"${checksum}",`,
    `"iv":"${ivText}",`,
    `"ciphertext":"${ciphertext}"`,
    '}',
    '',
  ].join('\n');
}

/** A file's header once its checksum is verified: what the restore screen shows before the code. */
export async function readBackupHeader(text: string): Promise<BackupHeader> {
  return (await verifiedFile(text)).header;
}

/**
 * The content of a backup file, refused (BackupRefusedError) if it is damaged, of an unknown
 * version, sealed under another recovery code, or (with `facilityCode`) another facility's.
 */
export async function openBackup(
  text: string,
  recoveryCode: string,
  facilityCode?: string,
): Promise<{ header: BackupHeader; content: BackupContent }> {
  const file = await verifiedFile(text);
  if (facilityCode !== undefined && file.header.facility.code !== facilityCode)
    throw new BackupRefusedError('other-facility', `The backup is of facility ${file.header.facility.code}.`);
  const key = await deriveBackupKey(recoveryCode, file.header.kdf);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(file.iv), additionalData: new TextEncoder().encode(file.headerText) },
      key,
      fromBase64(file.ciphertext),
    );
  } catch {
    throw new BackupRefusedError('wrong-code', 'The recovery code does not open this backup.');
  }
  const content = backupContentSchema.safeParse(JSON.parse(new TextDecoder().decode(plain)));
  if (!content.success) throw new BackupRefusedError('damaged', 'The backup content does not match its format.');
  return { header: file.header, content: content.data };
}

interface VerifiedFile {
  header: BackupHeader;
  headerText: string;
  iv: string;
  ciphertext: string;
}

async function verifiedFile(text: string): Promise<VerifiedFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupRefusedError('damaged', 'The file is not a whole backup (truncated or altered).');
  }
  const file = backupFileSchema.safeParse(raw);
  if (!file.success) throw new BackupRefusedError('damaged', 'The file is not a Sen facility backup.');
  if (file.data.version !== BACKUP_FORMAT_VERSION)
    throw new BackupRefusedError('unsupported-version', `Backup format ${String(file.data.version)} is not known.`);
  // Re-serialised as parsed: JSON.parse keeps the keys' order, so this is the text that was sealed.
  const headerText = JSON.stringify(file.data.header);
  if ((await checksumOf(headerText, file.data.iv, file.data.ciphertext)) !== file.data.checksum)
    throw new BackupRefusedError('damaged', 'The backup checksum does not match (truncated or altered).');
  const header = backupHeaderSchema.safeParse(file.data.header);
  if (!header.success) throw new BackupRefusedError('damaged', 'The backup header does not match its format.');
  return { header: header.data, headerText, iv: file.data.iv, ciphertext: file.data.ciphertext };
}

async function checksumOf(headerText: string, iv: string, ciphertext: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${headerText}\n${iv}\n${ciphertext}`));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
