import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { ReferralDocument } from '../../shared/referral/referral-document';
import { isSignedDocument } from '../../shared/clinical/signed-document';
import { useServices } from '../app/services-context';
import { SignatureLine } from './SignatureLine';
import { SignDialog } from './SignDialog';
import { signingProblem } from '../../shared/clinical/signing-problem';
import { useSignatureChecks } from './use-signing';
import './signing.css';

type Signed =
  | { collection: 'orders'; document: OrderDocument }
  | { collection: 'notes'; document: NoteDocument }
  | { collection: 'referrals'; document: ReferralDocument };

/**
 * A prescription's, a note's or a referral's signature where it is shown: who signed and whether
 * it verifies, or the sign button for a doctor while it can be signed (`label` names the act,
 * `explain` what signing fixes; by default the record's).
 */
export function DocumentSigning({
  signed,
  label,
  testId,
  explain,
}: {
  signed: Signed;
  label: string;
  testId: string;
  explain?: string;
}) {
  const { t } = useTranslation();
  const { signing, session } = useServices();
  const [signingNow, setSigningNow] = useState(false);
  const { collection, document } = signed;
  const documents = useMemo(() => [document], [document]);
  const checks = useSignatureChecks(collection, documents);
  if (isSignedDocument(document)) return <SignatureLine document={document} check={checks.get(document.id)} />;
  if (!session.can('clinical.sign') || signingProblem(collection, document) !== null) return null;
  return (
    <>
      <button type="button" data-testid={testId} onClick={() => setSigningNow(true)}>
        {label}
      </button>
      {signingNow && (
        <SignDialog
          title={label}
          explain={explain ?? t('signing.signExplain')}
          submitLabel={t('signing.confirmSign')}
          onClose={() => setSigningNow(false)}
          onSign={async (password) => {
            const result = await signing.sign(collection, document.id, password);
            return result.ok ? [] : result.problems;
          }}
        />
      )}
    </>
  );
}
