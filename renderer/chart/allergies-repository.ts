import { v7 as uuidv7 } from 'uuid';
import type { Allergy, ObservationDocument } from '../../shared/clinical/observation-document';
import { normalizeText } from '../../shared/text/fold-vietnamese';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import { allergyIngredientKey } from './chart-allergies';
import { newAuthorship } from '../../shared/clinical/common-fields';

export interface AllergyInput {
  substance: string;
  /** The active ingredient as typed (folded here); '' when it is no drug */
  ingredientKey: string;
  reaction: string;
  severity: Allergy['severity'];
}

export type AllergyProblem = { field: 'substance' | 'reason' | 'allergy'; code: string };
export type AllergyResult = { ok: true; allergy: ObservationDocument } | { ok: false; problems: AllergyProblem[] };

const SUBSTANCE_MAX = 200;
const REACTION_MAX = 500;
const REASON_MAX = 2000;

/**
 * A patient's allergies: recorded from the chart (an observation of kind `allergy`, tied to no
 * visit) and made inactive when found wrong, never deleted. Written, and signed, as the
 * logged-in user, who needs encounter.write (clinical-authorization.ts).
 */
export class AllergiesRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly device: { deviceId: string; facilityCode: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(patientId: string, input: AllergyInput): Promise<AllergyResult> {
    const substance = normalizeText(input.substance);
    const reaction = normalizeText(input.reaction);
    if (substance === '') return { ok: false, problems: [{ field: 'substance', code: 'required' }] };
    if (substance.length > SUBSTANCE_MAX || reaction.length > REACTION_MAX)
      return { ok: false, problems: [{ field: 'substance', code: 'too-long' }] };
    const at = this.now().toISOString();
    const author = this.writer.author();
    const allergy: ObservationDocument = {
      id: uuidv7(),
      facilityCode: this.device.facilityCode,
      patientId,
      encounterId: '',
      orderId: '',
      kind: 'allergy',
      code: 'allergy',
      recordedAt: at,
      vitals: null,
      lab: null,
      allergy: {
        substance,
        // Left blank, the ingredient is the substance itself: "Amoxicilin" typed as the allergen
        // must still warn when amoxicillin is prescribed.
        ingredientKey: allergyIngredientKey(
          normalizeText(input.ingredientKey) === '' ? substance : input.ingredientKey,
        ).slice(0, SUBSTANCE_MAX),
        reaction,
        severity: input.severity,
        active: true,
      },
      note: '',
      ...newAuthorship(at, this.device.deviceId, author),
    };
    await this.writer.insert('observations', allergy);
    return { ok: true, allergy };
  }

  /** Makes an allergy inactive, keeping why in its note: it stays in the record. */
  async deactivate(id: string, reason: string): Promise<AllergyResult> {
    const why = normalizeText(reason);
    if (why === '') return { ok: false, problems: [{ field: 'reason', code: 'required' }] };
    if (why.length > REASON_MAX) return { ok: false, problems: [{ field: 'reason', code: 'too-long' }] };
    const current = await this.database.observations.findOne(id).exec();
    if (current?.kind !== 'allergy' || !current.allergy)
      return { ok: false, problems: [{ field: 'allergy', code: 'not-found' }] };
    if (!current.allergy.active) return { ok: false, problems: [{ field: 'allergy', code: 'already-inactive' }] };
    const updatedAt = this.now().toISOString();
    const updatedBy = this.writer.author();
    const written = await this.writer.update('observations', id, (observation) => ({
      ...observation,
      allergy: observation.allergy && { ...observation.allergy, active: false },
      note: why,
      updatedAt,
      updatedBy,
    }));
    if (!written) return { ok: false, problems: [{ field: 'allergy', code: 'not-found' }] };
    const { syncMeta: _envelope, ...allergy } = written;
    return { ok: true, allergy };
  }
}
