import type { PasswordVerifier } from '../../shared/staff/password-verifier';
import type { Role } from '../../shared/staff/roles';
import type { SealedKey } from '../../shared/staff/sealed-key';
import {
  PROVINCE_AUTHOR,
  staffDocumentSchema,
  type StaffDocument,
  type StaffPublicKey,
} from '../../shared/staff/staff-document';
import type { SqlExecutor } from '../db/database';
import type { ServerKey } from '../signing/server-key';
import { saveStaff } from '../staff/staff-store';
import { DEMO_FACILITY_CODE } from './demo-facility-code';

/** Every demo account's password; printed by `npm start` and in the README. Demo only. */
export const DEMO_PASSWORD = 'sen-demo-2026';

interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** PBKDF2-SHA256, 600,000 iterations, of DEMO_PASSWORD with its own salt: computed once
   *  here so that every test server does not spend a second hashing demo passwords. */
  password: PasswordVerifier;
  /** The account's signing key, and its private half sealed with DEMO_PASSWORD: made once, for
   *  the same reason. Anyone who knows the demo password can sign as a demo account. */
  keys: readonly [StaffPublicKey];
  sealedKey: SealedKey;
}

const verifier = (salt: string, hash: string): PasswordVerifier => ({
  algorithm: 'pbkdf2-sha256',
  iterations: 600_000,
  salt,
  hash,
});

const demoKey = (
  keyId: string,
  publicKey: string,
  salt: string,
  iv: string,
  ciphertext: string,
): Pick<DemoAccount, 'keys' | 'sealedKey'> => ({
  keys: [{ keyId, publicKey, createdAt: '2026-01-01T00:00:00.000Z' }],
  sealedKey: { keyId, kdf: { algorithm: 'pbkdf2-sha256', iterations: 600_000, salt }, iv, ciphertext },
});

const DEMO_KEYS = {
  admin: demoKey(
    '9t4nCW1x4JVIuNMuknn23Q',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEq9KVa26ts7QVPutFp22kCfgpIi44mfBmThQBrVnRd7nLNmC3UbPgx5bTrIhpihSTERu5bIJddkUGv+Cq0xKHmw==',
    'ndNNICwuAoh1rK+TJYVCsw==',
    'mITSzptTbHmXfow6',
    'KuheYslZrHvkljwaAVy4Q/Pm4cjwoZbcIn4QTcBfEyG+vBgho+fF70IQjQtOn82TBjHf2hUesxv8jahO6y4XvXhIPyL5cBOj84heDTlcIBHn5JAxEbCEuL4CFHlbkoJg/zJK6p+LI2cIBrOdWryy/C1hHjbINrN8Dym1uEDgB3nssJG2WBrmD4KOPw8ngM7NmmI+zOpNIVmXXQ==',
  ),
  registrar: demoKey(
    '54tNUh_byGobXXAUP5T92Q',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfZU8JJNRA5j2VNTvjiPOiAqhmkUDFPYqZrFJlwr0oCJpUmsilRB3qrIo3Dog3+CwH/RMdCIbrA4NV4bjyl5Ing==',
    'oDA3ztvZ79n+B4DOi64fhg==',
    'uaG3CGPtWEjU+P/j',
    '69J/2escexGovP1ubJjsKs0IU7QQobpyGB1X+g0h6+GnBomFctq+SLX7y6vWQDvx+2J49WufclDOiMZklvwOb9MH+iLxg5wL3cXTy6bnWue9lDolPQRdICKlmROyBmOhH+pt0OgWVYbUvZntsHuJkkWC8t3mOvJGpO46ewdEGpnbGdirs0abmg2M1eTfmhG7m3Lpq1LOubHw3A==',
  ),
  doctor: demoKey(
    '0v3yQ4xiUjqH0NOnL7Yluw',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmkXXUh/JPr3XjfFapinPeqyYjVj8AifnQraEKMcCVatqDryiKM3A6eg1JwrwvaHWCUuk631kECF5xmEdmKRUIg==',
    '7sSCdBHA6UB7mdLSEGoBJQ==',
    'cuNkBXfzkRaW8zXg',
    'trDQDeEVvdyKSrLuwCtqZYh9bpaIghIrrlGTjI9BG+eLVo6sgRmwSRSmVY1CLN1p6FWAUqz6gYJbaEp+7b/AYRgBNjmv/+cF+wLBgeVzlcbF3bMtoZUm0nIqKD+41zllRAO/R2mbC+OYmQn6ckKK+6wMg3z4H6VzgirlV68hcT1Y7U7oAxjUxPLT59wFT0e5Ci/amRr6LDVrew==',
  ),
  nurse: demoKey(
    'UtLDf26VREgPrieE5TCM6A',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEVAYzyWyo5z0xhkELJkiWZmp01PhQndAY10P2j5lghu4nNaLYda5XjhGxS3qHiNXmvcptnyzFTa9IVUXuvSkBaw==',
    'JBKKS0VF9ZrOWVncaXeB4A==',
    'mxlzJFw2/lJofyvH',
    'diT4iTp0a8tlx4uUu6JuyDg0LujBuCCilt5ddlcf2Tgs2Hd3FLfXxOn/Akhb3BPLm6iJVtNK9+q7/55s23l/lE/22qvrtAX5ZliMZfPN0AxuKQ40IEJGpb/144l8aHY79x15KbTI7aeD7J13iOXpVwLwHQdOtGHtuoLM0muL8TkOqFOg5+C6jorGl75fRpBkAlgjoQ3+zmQ0eA==',
  ),
  labTechnician: demoKey(
    'o3vkYjvozHd6lD2yQeVMkQ',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqQGhlw12Nn+vbMGlA07NByU+mPrJFJUQNJ7Dn4zj+mzRotxssy9GFltVP1gJDb6lFHOioAvb0+iHmhZVWbOqoQ==',
    '6RzfSU/uYUAYdogCqs0U9w==',
    'iAlYVjPZcvctIeao',
    'nrmmGlkYx+ssJsWiFlRQEIR6D+4gScy6v8LHG8ojBpzUBz78IRCdpOcs9EQ7mN718RNV/qNJNoTEdialjabnECmmzp1PKYCfKslTyzejq/R4proqSdeP7EwbtlR/XTLspWpJB6mivd9UeKWDJWOQ59KyWozNSyolYvUrWJj0BT2aXHeOiBZoiRWwzJFH53nOYvVWQ9pU0xbjKw==',
  ),
  pharmacist: demoKey(
    'Z0yE2PGaMZLbO_uDcN364Q',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5QhyMCLMEuw0t1UdvAMpDEKmAOawwudD40bB2XnYE32YADRFf8qxQVUIxOcQrRttbWrsIIe/2kG5j/rfJLivwQ==',
    'mY19arh2luUmkdT5/9WR1A==',
    'JA84tegqbew5Oojb',
    'YMeC2KGu8pHGFwXWQ8Li5JsqcfI4g7I94WtKo4kzsSvREdKkTVfEblkybIypWKhoWsSamBDajbs3NWJuuPD9OOLtzt9WqDNh0SN2m+Dngdt0nSkaW0MDx8cBZqlrDK6r+ygVclSrP+Qv9VfNR8f9pvafc4ey3eEqSszaGarTpW3igccYDTAw0mKN4QNU12zaqeJTIYZY++Cuzw==',
  ),
  syncAdmin: demoKey(
    'cdJl00wE5Ltq8ItLU-N73A',
    'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEpOJkcQdJ5OOAiH71J9BvWLvwMl64Ci5zzziv0a230tI13wppkNhhFyd4flYwUaBMYA8/BOayNlTxCqrjv9Q4Zg==',
    'kSbUW40Dfbopml5KtoeZMw==',
    'itU3oVaZeq23O0lB',
    'WXJ6tP5ocnUe9+dEmoZZPw9/H6M7B/Qs9Ke7I52Xw06CoG1QdQfq6tIGylDWFHpJ1CJ4dt1Z7zRMj0RPDf50OznGyV6M3BnhHu/58WHMxA0pYgWQS42+eRDdVNljqclMQ3DWHh2miAB6aCTWN0X3iIpW5BPYwyJg4YD8SPUQFJ4DxSgh20JuuLlcweQRqG09tA97lhZkIazhGw==',
  ),
};

export const DEMO_STAFF = {
  admin: {
    id: '0199d000-0000-4000-8000-000000000001',
    username: 'admin',
    displayName: 'Lò Văn Quản (quản trị)',
    roles: ['facility-admin'],
    password: verifier('92AZYdBpSG49GSPPwfEMEg==', '58diHeylSIFXEjRoCznE4ZV2YidUL5a9/pPK+5VKlZ0='),
    ...DEMO_KEYS.admin,
  },
  registrar: {
    id: '0199d000-0000-4000-8000-000000000002',
    username: 'tiepdon',
    displayName: 'Nguyễn Thị Tiếp (tiếp đón)',
    roles: ['registrar'],
    password: verifier('MuTqT6fLvD2EJnF7OU2vSQ==', 'iNS3qDubysk3rnAmXExgoxLP/1OhDHPZXBzwpWrbCi4='),
    ...DEMO_KEYS.registrar,
  },
  doctor: {
    id: '0199d000-0000-4000-8000-000000000003',
    username: 'bacsi',
    displayName: 'BS. Giàng A Chứ',
    roles: ['doctor'],
    password: verifier('f7ObR3Krox14FhXbUqh6Hg==', 'eEzkW2ONX+lCCpyoo5bcGg6Ft1sW7ZdeS/c6/nMbiPA='),
    ...DEMO_KEYS.doctor,
  },
  nurse: {
    id: '0199d000-0000-4000-8000-000000000004',
    username: 'dieuduong',
    displayName: 'ĐD. Vàng Thị Mai',
    roles: ['nurse'],
    password: verifier('8+SwZX88c2ktZBXbMUpf9Q==', 'Ma7gfNxGGfAeliy4QERLcNzakSkp+KCsPRJJsQ2N2GE='),
    ...DEMO_KEYS.nurse,
  },
  labTechnician: {
    id: '0199d000-0000-4000-8000-000000000005',
    username: 'xetnghiem',
    displayName: 'KTV. Hoàng Văn Xét',
    roles: ['lab-technician'],
    password: verifier('ixe1NmUluTskj8uUV4286g==', 'nFE2R5ymI2DYnWY5XUhZ8dAM6UgXfq4SllUy0FnEFGs='),
    ...DEMO_KEYS.labTechnician,
  },
  pharmacist: {
    id: '0199d000-0000-4000-8000-000000000006',
    username: 'duocsi',
    displayName: 'DS. Lý Thị Dược',
    roles: ['pharmacist'],
    password: verifier('FuOOUnoXkIWSvz9JQTIx7w==', 'Nxpzw/GHN1H9suTeP7R7RgFrFLZFt6B+BcoXbI3mPM0='),
    ...DEMO_KEYS.pharmacist,
  },
  syncAdmin: {
    id: '0199d000-0000-4000-8000-000000000007',
    username: 'dongbo',
    displayName: 'Phạm Văn Đồng (đồng bộ)',
    roles: ['sync-admin'],
    password: verifier('iXpG6SV+fXoS1g0x9Q4flg==', 'AJGda44yq9jnpgqjo9Z/IDCWJh38kXvld0sNapBrSjc='),
    ...DEMO_KEYS.syncAdmin,
  },
} as const satisfies Record<string, DemoAccount>;

/**
 * One demo account per role at the demo facility, signed by the server. Accounts already there
 * are left as they are, unless they were stored before accounts had keys: those are seeded
 * again (demo password included), so that an older `.sen-data` still starts and can sign.
 */
export async function ensureDemoStaff(tx: SqlExecutor, serverKey: ServerKey): Promise<void> {
  const now = new Date().toISOString();
  for (const account of Object.values(DEMO_STAFF)) {
    const [existing] = await tx.query<{ body: unknown; lineage: string[] }>(
      `SELECT body, lineage FROM sync_documents WHERE collection = 'staff' AND id = $1`,
      [account.id],
    );
    if (existing && staffDocumentSchema.safeParse(existing.body).success) continue;
    const staff: StaffDocument = {
      ...account,
      roles: [...account.roles],
      keys: [...account.keys],
      facilityCode: DEMO_FACILITY_CODE,
      active: true,
      passwordChangedAt: now,
      updatedAt: now,
      updatedBy: PROVINCE_AUTHOR,
    };
    const previous = existing && typeof existing.body === 'object' && existing.body !== null ? existing : null;
    await saveStaff(tx, staff, previous && { account: previous.body as object, lineage: previous.lineage }, serverKey);
  }
}

/** Change numbers the demo accounts take in the demo facility's sequence before any patient. */
export const DEMO_STAFF_SEQ = Object.keys(DEMO_STAFF).length;
