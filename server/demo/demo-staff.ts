import type { PasswordVerifier } from '../../shared/staff/password-verifier';
import type { Role } from '../../shared/staff/roles';
import { PROVINCE_AUTHOR, type StaffDocument } from '../../shared/staff/staff-document';
import type { SqlExecutor } from '../db/database';
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
}

const verifier = (salt: string, hash: string): PasswordVerifier => ({
  algorithm: 'pbkdf2-sha256',
  iterations: 600_000,
  salt,
  hash,
});

export const DEMO_STAFF = {
  admin: {
    id: '0199d000-0000-4000-8000-000000000001',
    username: 'admin',
    displayName: 'Lò Văn Quản (quản trị)',
    roles: ['facility-admin'],
    password: verifier('92AZYdBpSG49GSPPwfEMEg==', '58diHeylSIFXEjRoCznE4ZV2YidUL5a9/pPK+5VKlZ0='),
  },
  registrar: {
    id: '0199d000-0000-4000-8000-000000000002',
    username: 'tiepdon',
    displayName: 'Nguyễn Thị Tiếp (tiếp đón)',
    roles: ['registrar'],
    password: verifier('MuTqT6fLvD2EJnF7OU2vSQ==', 'iNS3qDubysk3rnAmXExgoxLP/1OhDHPZXBzwpWrbCi4='),
  },
  doctor: {
    id: '0199d000-0000-4000-8000-000000000003',
    username: 'bacsi',
    displayName: 'BS. Giàng A Chứ',
    roles: ['doctor'],
    password: verifier('f7ObR3Krox14FhXbUqh6Hg==', 'eEzkW2ONX+lCCpyoo5bcGg6Ft1sW7ZdeS/c6/nMbiPA='),
  },
  nurse: {
    id: '0199d000-0000-4000-8000-000000000004',
    username: 'dieuduong',
    displayName: 'ĐD. Vàng Thị Mai',
    roles: ['nurse'],
    password: verifier('8+SwZX88c2ktZBXbMUpf9Q==', 'Ma7gfNxGGfAeliy4QERLcNzakSkp+KCsPRJJsQ2N2GE='),
  },
  labTechnician: {
    id: '0199d000-0000-4000-8000-000000000005',
    username: 'xetnghiem',
    displayName: 'KTV. Hoàng Văn Xét',
    roles: ['lab-technician'],
    password: verifier('ixe1NmUluTskj8uUV4286g==', 'nFE2R5ymI2DYnWY5XUhZ8dAM6UgXfq4SllUy0FnEFGs='),
  },
  pharmacist: {
    id: '0199d000-0000-4000-8000-000000000006',
    username: 'duocsi',
    displayName: 'DS. Lý Thị Dược',
    roles: ['pharmacist'],
    password: verifier('FuOOUnoXkIWSvz9JQTIx7w==', 'Nxpzw/GHN1H9suTeP7R7RgFrFLZFt6B+BcoXbI3mPM0='),
  },
  syncAdmin: {
    id: '0199d000-0000-4000-8000-000000000007',
    username: 'dongbo',
    displayName: 'Phạm Văn Đồng (đồng bộ)',
    roles: ['sync-admin'],
    password: verifier('iXpG6SV+fXoS1g0x9Q4flg==', 'AJGda44yq9jnpgqjo9Z/IDCWJh38kXvld0sNapBrSjc='),
  },
} as const satisfies Record<string, DemoAccount>;

/** One demo account per role at the demo facility; accounts already there are left as they are. */
export async function ensureDemoStaff(tx: SqlExecutor): Promise<void> {
  const now = new Date().toISOString();
  for (const account of Object.values(DEMO_STAFF)) {
    const [existing] = await tx.query(`SELECT 1 FROM sync_documents WHERE collection = 'staff' AND id = $1`, [
      account.id,
    ]);
    if (existing) continue;
    const staff: StaffDocument = {
      ...account,
      roles: [...account.roles],
      facilityCode: DEMO_FACILITY_CODE,
      active: true,
      passwordChangedAt: now,
      updatedAt: now,
      updatedBy: PROVINCE_AUTHOR,
    };
    await saveStaff(tx, staff, true);
  }
}

/** Change numbers the demo accounts take in the demo facility's sequence before any patient. */
export const DEMO_STAFF_SEQ = Object.keys(DEMO_STAFF).length;
