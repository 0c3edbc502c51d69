import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { isSignedDocument } from '../../shared/clinical/signed-document';
import { useServices } from '../app/services-context';
import { SignatureLine } from './SignatureLine';
import { SignDialog } from './SignDialog';
import { signingProblem } from './signing-repository';
import { useSignatureChecks } from './use-signing';
import './signing.css';

/**
 * A prescription's signature in its row: who signed and whether it verifies, or "Ký đơn thuốc"
 * for a doctor while it can be signed. The pharmacy still dispenses a signed prescription.
 */
export function OrderSigning({ order }: { order: OrderDocument }) {
  const { t } = useTranslation();
  const { signing, session } = useServices();
  const [signingNow, setSigningNow] = useState(false);
  const documents = useMemo(() => [order], [order]);
  const checks = useSignatureChecks('orders', documents);
  if (isSignedDocument(order)) return <SignatureLine document={order} check={checks.get(order.id)} />;
  if (!session.can('clinical.sign') || signingProblem('orders', order) !== null) return null;
  return (
    <>
      <button type="button" data-testid="sign-prescription" onClick={() => setSigningNow(true)}>
        {t('signing.signPrescription')}
      </button>
      {signingNow && (
        <SignDialog
          title={t('signing.signPrescription')}
          explain={t('signing.signExplain')}
          submitLabel={t('signing.confirmSign')}
          onClose={() => setSigningNow(false)}
          onSign={async (password) => {
            const result = await signing.sign('orders', order.id, password);
            return result.ok ? [] : result.problems;
          }}
        />
      )}
    </>
  );
}
