import { convert } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../shared/encoding/base64';
import { finishedVisit } from '../helpers/clinical-history';
import { DOCTOR, exportPatient, visitRecord } from '../helpers/export-records';
import { fhirErrors, indexDefinitions } from '../helpers/fhir-validator';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';
import { xmllintProblems } from '../helpers/xmllint';
import type { Bundle } from '@medplum/fhirtypes';

type Node = { [name: string]: Node | Node[] | string };

async function get(server: TestServer, path: string, token: string | null = TEST_ADMIN_SESSION) {
  const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('exports from the provincial server', () => {
  let server: TestServer;
  const patient = exportPatient();
  // The visit ends in a follow-up here: a referral would need its paper pushed as well.
  const referred = visitRecord(patient);
  const visit = referred.encounters[0] && { ...referred.encounters[0], disposition: 'follow-up' as const };
  const record = { ...referred, encounters: visit ? [visit] : [], referrals: [] };
  const open = finishedVisit(patient.id, DOCTOR, '2026-12-02', {
    status: 'in-progress',
    finishedAt: '',
    diagnoses: [],
  });

  beforeAll(async () => {
    server = await TestServer.start();
    const pc = await server.enroll('phòng khám 1');
    await pushPatientHistory(server.url, pc.token, patient, {
      encounters: [...record.encounters, open],
      orders: [...record.orders],
      observations: [...record.observations],
    });
    await indexDefinitions();
  }, 120_000);
  afterAll(() => server.close());

  it("serves the patient's FHIR R4 Bundle at Patient/$everything, valid, to the admin credential only", async () => {
    expect((await get(server, `/fhir/R4/Patient/${patient.id}/$everything`, null)).status).toBe(401);
    const answer = await get(server, `/fhir/R4/Patient/${patient.id}/$everything`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/fhir+json');
    const bundle = JSON.parse(answer.text) as Bundle;
    expect(await fhirErrors(bundle)).toEqual([]);
    const names = (bundle.entry ?? []).flatMap((entry) =>
      entry.resource?.resourceType === 'Patient' ? (entry.resource.name ?? []) : [],
    );
    expect(names[0]?.text).toBe('Nguyễn Thị Ánh Tuyết');
    expect((await get(server, '/fhir/R4/Patient/nobody/$everything')).status).toBe(404);
  });

  it("exports a finished visit's XML 130 file, valid and with the values entered", async () => {
    const answer = await get(server, `/admin/v1/exports/xml130/${visit?.id ?? ''}`);
    expect(answer.status).toBe(200);
    expect(await xmllintProblems(answer.text, 'GIAMDINHHS')).toBe('');
    const envelope = convert(answer.text, { format: 'object' }) as Node;
    const files = ((((envelope.GIAMDINHHS as Node).THONGTINHOSO as Node).DANHSACHHOSO as Node).HOSO as Node)
      .FILEHOSO as Node[];
    expect(files.map((file) => file.LOAIHOSO)).toEqual(['XML1', 'XML2', 'XML3', 'XML4']);
    const summary = new TextDecoder().decode(fromBase64(files[0]?.NOIDUNGFILE as string));
    expect(await xmllintProblems(summary, 'XML1')).toBe('');
    expect(summary).toContain('<HO_TEN>Nguyễn Thị Ánh Tuyết</HO_TEN>');
    expect(summary).toContain('<SO_CCCD>001190012345</SO_CCCD>');
    expect(summary).toContain(`<MA_LK>${visit?.episodeKey ?? ''}</MA_LK>`);
    expect(summary).toContain('<NGAY_RA>202612020947</NGAY_RA>');
  });

  it('refuses an unfinished visit with 422 export-incomplete and the list of what to complete', async () => {
    const answer = await get(server, `/admin/v1/exports/xml130/${open.id}`);
    expect(answer.status).toBe(422);
    const body = JSON.parse(answer.text) as {
      code: string;
      details: { missing: { field: string; message: string }[] };
    };
    expect(body.code).toBe('export-incomplete');
    expect(body.details.missing.map((item) => item.message)).toEqual([
      'Lượt khám chưa kết thúc.',
      'Chưa có chẩn đoán chính (mã ICD-10).',
      'Chưa có thời điểm kết thúc (ngày ra).',
    ]);
  });

  it("exports a facility's day as one file, and writes every export read to export_reads", async () => {
    const answer = await get(server, '/admin/v1/exports/xml130?facility=10010&day=2026-12-02');
    expect(answer.status).toBe(200);
    const day = JSON.parse(answer.text) as { fileName: string; xml: string; exported: { episodeKey: string }[] };
    expect(day.fileName).toBe('XML130_10010_20261202.xml');
    expect(day.exported.map((entry) => entry.episodeKey)).toEqual([visit?.episodeKey]);
    expect(await xmllintProblems(day.xml, 'GIAMDINHHS')).toBe('');
    const reads = await server.database.query<{ route: string; outcome: string; patient_id: string }>(
      'SELECT route, outcome, patient_id FROM export_reads ORDER BY id',
    );
    expect(reads.map((read) => [read.route, read.outcome])).toEqual([
      ['fhir-everything', 'exported'],
      ['fhir-everything', 'not-found'],
      ['xml130-episode', 'exported'],
      ['xml130-episode', 'refused'],
      ['xml130-day', 'exported'],
    ]);
    expect(reads[0]?.patient_id).toBe(patient.id);
  });
});
