import { useMemo } from 'react';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { referralPaperData, type ReferralFacility } from '../../shared/referral/referral-paper';
import { useServices } from '../app/services-context';
import { buildReferralPaper } from '../printing/referral-paper';
import { PrintPreview } from '../printing/PrintPreview';
import { ReferralPaperView } from '../printing/ReferralPaperView';
import { useStaffName } from '../staff/use-staff-name';
import { useFacilities } from './use-referrals';

/** The referral paper (giấy chuyển tuyến) of a referral this facility sent, in the print view (A4). */
export function ReferralPrint({ referral, onClose }: { referral: ReferralDocument; onClose: () => void }) {
  const { device } = useServices();
  const facilities = useFacilities();
  // The paper names whoever signed it; unsigned, the doctor who wrote it.
  const signerName = useStaffName(referral.signedBy || referral.createdBy);
  const paper = useMemo(() => {
    const to = facilities.get(referral.toFacilityCode);
    const receiving: ReferralFacility = {
      code: referral.toFacilityCode,
      name: to?.name ?? referral.toFacilityCode,
      provinceCode: to?.provinceCode ?? device.facility.provinceCode,
    };
    return buildReferralPaper(referralPaperData(referral, device.facility, receiving, signerName));
  }, [referral, facilities, device.facility, signerName]);
  return (
    <PrintPreview fileName={`Giấy chuyển tuyến ${referral.patient.fullName}`} defaultSize="A4" onClose={onClose}>
      <ReferralPaperView paper={paper} />
    </PrintPreview>
  );
}
