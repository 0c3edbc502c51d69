// Regenerates shared/admin-units/admin-units-2025.json from the full reference file
// (../shared/data/vn-admin-units-2025.json, MIT). The client needs only codes and names,
// so the shipped copy is about a tenth of the size.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sourceDir = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const targetDir = fileURLToPath(new URL('../shared/admin-units/', import.meta.url));
const provinces = JSON.parse(readFileSync(`${sourceDir}vn-admin-units-2025.json`, 'utf8'));

const trimmed = provinces.map((province) => ({
  code: province.Code,
  name: province.FullName,
  wards: province.Wards.map((ward) => [ward.Code, ward.FullName]),
}));
writeFileSync(`${targetDir}admin-units-2025.json`, `${JSON.stringify(trimmed)}\n`);
copyFileSync(`${sourceDir}vn-admin-units-2025.LICENSE`, `${targetDir}admin-units-2025.LICENSE`);
console.log(`${trimmed.length} provinces, ${trimmed.reduce((n, p) => n + p.wards.length, 0)} wards`);
