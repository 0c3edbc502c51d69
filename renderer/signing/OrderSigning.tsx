import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { DocumentSigning } from './DocumentSigning';

/**
 * A prescription's signature in its row: who signed and whether it verifies, or "Ký đơn thuốc"
 * for a doctor while it can be signed. The pharmacy still dispenses a signed prescription.
 */
export function OrderSigning({ order }: { order: OrderDocument }) {
  const { t } = useTranslation();
  return (
    <DocumentSigning
      signed={{ collection: 'orders', document: order }}
      label={t('signing.signPrescription')}
      testId="sign-prescription"
    />
  );
}
