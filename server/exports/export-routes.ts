import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { patientBundle } from '../../shared/exports/fhir/fhir-bundle';
import { episodeFile, exportDay, exportEpisode } from '../../shared/exports/xml130/xml130-export';
import type { MissingField } from '../../shared/exports/xml130/xml130-completeness';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, PROVINCE_ADMIN } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { exportContext, patientsFinishedAround, readPatientRecord } from './read-patient-record';
import { recordExportRead } from './record-export-read';

const patientParams = z.object({ id: z.string().min(1).max(40) });
const encounterParams = z.object({ encounterId: z.string().min(1).max(40) });
const dayQuery = z.object({
  facility: z.string().regex(/^\d{5}$/),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** `false` for a self-paying patient's data: no insurance card is then required. */
  insured: z.enum(['true', 'false']).default('true'),
});
const insuredQuery = z.object({ insured: z.enum(['true', 'false']).default('true') });

function sendIncomplete(reply: FastifyReply, missing: MissingField[]) {
  return reply.status(422).send({
    code: 'export-incomplete',
    message: 'Hồ sơ chưa đủ thông tin để xuất XML 130: ' + missing.map((item) => item.message).join(' '),
    details: { missing },
  });
}

function sendXml(reply: FastifyReply, fileName: string, xml: string) {
  return reply
    .header('content-type', 'application/xml; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(xml);
}

/**
 * The record leaving the province: FHIR R4 `Patient/$everything` (read-only) and the Decision 130
 * claim files, every read written to export_reads. Whole records and claims: for a province admin
 * (or the bootstrap token while the older routes accept it), never a sync admin.
 */
export function registerExportRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.get('/fhir/R4/Patient/:id/$everything', async (request, reply) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { id } = patientParams.parse(request.params);
    const route = 'fhir-everything';
    const record = await readPatientRecord(database, id);
    if (!record) {
      await recordExportRead(database, request, { route, format: 'fhir', patientId: id, outcome: 'not-found' });
      throw new HttpError(404, 'not-found', 'No such patient.');
    }
    const context = await exportContext(database, record.patient.facilityCode);
    const base = `${request.protocol}://${request.host}/fhir/R4`;
    const bundle = patientBundle(record, context, base, new Date().toISOString());
    await recordExportRead(database, request, {
      route,
      format: 'fhir',
      patientId: id,
      facilityCode: record.patient.facilityCode,
      outcome: 'exported',
    });
    return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(JSON.stringify(bundle));
  });

  app.get(`${ADMIN_PREFIX}/exports/xml130`, async (request, reply) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const query = dayQuery.parse(request.query);
    const context = await exportContext(database, query.facility);
    const records = [];
    for (const patientId of await patientsFinishedAround(database, query.facility, query.day)) {
      const record = await readPatientRecord(database, patientId);
      if (record) records.push(record);
    }
    const day = exportDay(records, query.day, context, { insured: query.insured === 'true' }, new Date().toISOString());
    await recordExportRead(database, request, {
      route: 'xml130-day',
      format: 'xml130',
      facilityCode: query.facility,
      day: query.day,
      outcome: day.xml ? 'exported' : day.refused.length > 0 ? 'refused' : 'not-found',
    });
    // The file goes with a list of what was left out: JSON, so the console can show both.
    return reply.send({ fileName: day.fileName, xml: day.xml, exported: day.exported, refused: day.refused });
  });

  app.get(`${ADMIN_PREFIX}/exports/xml130/:encounterId`, async (request, reply) => {
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { encounterId } = encounterParams.parse(request.params);
    const { insured } = insuredQuery.parse(request.query);
    const route = 'xml130-episode';
    const [owner] = await database.query<{ patientId: string }>(
      `SELECT body->>'patientId' AS "patientId" FROM sync_documents WHERE collection = 'encounters' AND id = $1 AND NOT deleted`,
      [encounterId],
    );
    const record = owner ? await readPatientRecord(database, owner.patientId) : null;
    if (!record) {
      await recordExportRead(database, request, { route, format: 'xml130', outcome: 'not-found' });
      throw new HttpError(404, 'not-found', 'No such encounter.');
    }
    const context = await exportContext(database, record.patient.facilityCode);
    const exported = exportEpisode(record, encounterId, context, { insured: insured === 'true' });
    const read = {
      route,
      format: 'xml130' as const,
      patientId: record.patient.id,
      facilityCode: context.facility.code,
    };
    if (!exported.ok) {
      await recordExportRead(database, request, { ...read, outcome: 'refused' });
      return sendIncomplete(reply, exported.missing);
    }
    await recordExportRead(database, request, { ...read, outcome: 'exported' });
    const file = episodeFile(context.facility.code, new Date().toISOString(), exported.tables, exported.episodeKey);
    return sendXml(reply, file.fileName, file.xml);
  });
}
