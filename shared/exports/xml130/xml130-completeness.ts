import type { Episode } from './xml130-episode';

/** Something a claim needs that the record lacks: the XML field it fills and what to complete. */
export interface MissingField {
  field: string;
  message: string;
}

export interface ClaimOptions {
  /** An insurance claim needs the patient's card; a self-paying patient's data is sent without. */
  insured: boolean;
}

/**
 * What stops this episode from being claimed, in Vietnamese for the person who completes it.
 * Empty when the claim can be made; otherwise nothing of the episode is exported.
 */
export function missingClaimFields(episode: Episode, options: ClaimOptions): MissingField[] {
  const missing: MissingField[] = [];
  const { encounter, patient } = episode;
  if (encounter.status === 'cancelled') {
    missing.push({ field: 'MA_LK', message: 'Lượt khám đã bị huỷ: không có gì để quyết toán.' });
    return missing;
  }
  if (encounter.status !== 'finished') {
    missing.push({
      field: 'NGAY_RA',
      message: episode.isStay ? 'Người bệnh chưa ra viện.' : 'Lượt khám chưa kết thúc.',
    });
  }
  if (episode.isStay && episode.discharge === null) {
    missing.push({ field: 'CHAN_DOAN_RV', message: 'Chưa có giấy ra viện (tóm tắt ra viện) của đợt điều trị.' });
  }
  if (!episode.diagnoses.some((diagnosis) => diagnosis.primary)) {
    missing.push({ field: 'MA_BENH_CHINH', message: 'Chưa có chẩn đoán chính (mã ICD-10).' });
  }
  if (Number.isNaN(Date.parse(episode.admittedAt))) {
    missing.push({ field: 'NGAY_VAO', message: 'Chưa có thời điểm vào viện / vào khám.' });
  }
  if (Number.isNaN(Date.parse(episode.endedAt))) {
    missing.push({ field: 'NGAY_RA', message: 'Chưa có thời điểm kết thúc (ngày ra).' });
  }
  if (options.insured && patient.bhyt.trim() === '') {
    missing.push({ field: 'MA_THE_BHYT', message: 'Chưa có mã thẻ BHYT của người bệnh.' });
  }
  if (encounter.disposition === 'refer' && episode.referral === null) {
    missing.push({
      field: 'GIAY_CHUYEN_TUYEN',
      message: 'Người bệnh được chuyển tuyến nhưng chưa có giấy chuyển tuyến.',
    });
  }
  return missing;
}
