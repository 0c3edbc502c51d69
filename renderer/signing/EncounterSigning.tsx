import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { isSignedDocument } from '../../shared/clinical/signed-document';
import type { VersionChains } from '../../shared/clinical/version-chain';
import { formatDateTime } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { AmendEncounterDialog } from './AmendEncounterDialog';
import { SignatureLine } from './SignatureLine';
import { SignDialog } from './SignDialog';
import { useSignatureChecks } from './use-signing';
import './signing.css';

/**
 * The signature of a finished visit on its page: "Ký hồ sơ" while unsigned; once signed, who
 * signed and whether it verifies, "Lập bản điều chỉnh" on the version in force, and every
 * version of the visit, the replaced ones marked "Đã được thay thế" and still readable.
 */
export function EncounterSigning({
  encounter,
  versions,
  navigate,
}: {
  encounter: EncounterDocument;
  versions: VersionChains<EncounterDocument>;
  navigate: (route: Route) => void;
}) {
  const { t } = useTranslation();
  const { signing, session } = useServices();
  const [dialog, setDialog] = useState<'sign' | 'amend' | null>(null);
  const history = versions.historyOf(encounter.id);
  const checks = useSignatureChecks('encounters', history);
  if (encounter.status !== 'finished') return null;

  const current = versions.currentOf(encounter.id) ?? encounter;
  const superseded = current.id !== encounter.id;
  const maySign = session.can('clinical.sign');
  const signed = isSignedDocument(encounter);

  return (
    <section className="visit-section signing" data-testid="visit-signing" aria-labelledby="signing-title">
      <h2 id="signing-title">{t('signing.signTitle')}</h2>
      {superseded && (
        <p className="superseded-notice" role="status" data-testid="superseded-notice">
          {t('signing.supersededBy')}{' '}
          <button type="button" onClick={() => navigate({ page: 'visit', id: current.id })}>
            {t('signing.openCurrent')}
          </button>
        </p>
      )}
      {encounter.supersedes && (
        <p data-testid="amendment-reason">{t('signing.amendmentOf', { reason: encounter.amendmentReason ?? '' })}</p>
      )}
      {signed ? (
        <SignatureLine document={encounter} check={checks.get(encounter.id)} />
      ) : (
        <p className="notice">{t('signing.unsigned')}</p>
      )}
      <div className="actions">
        {!signed && maySign && (
          <button type="button" className="primary" data-testid="sign-visit" onClick={() => setDialog('sign')}>
            {t('signing.sign')}
          </button>
        )}
        {signed && !superseded && maySign && (
          <button type="button" data-testid="amend-visit" onClick={() => setDialog('amend')}>
            {t('signing.amend')}
          </button>
        )}
      </div>
      {history.length > 1 && (
        <VersionList
          history={history}
          shownId={encounter.id}
          currentId={current.id}
          onOpen={(id) => navigate({ page: 'visit', id })}
        />
      )}
      {dialog === 'sign' && (
        <SignDialog
          title={t('signing.signTitle')}
          explain={t('signing.signExplain')}
          submitLabel={t('signing.confirmSign')}
          onClose={() => setDialog(null)}
          onSign={async (password) => {
            const result = await signing.sign('encounters', encounter.id, password);
            return result.ok ? [] : result.problems;
          }}
        />
      )}
      {dialog === 'amend' && (
        <AmendEncounterDialog
          encounter={encounter}
          onClose={() => setDialog(null)}
          onAmended={(amendment) => navigate({ page: 'visit', id: amendment.id })}
        />
      )}
    </section>
  );
}

/** Every version of the visit, oldest first; each opens read only on this page. */
function VersionList({
  history,
  shownId,
  currentId,
  onOpen,
}: {
  history: readonly EncounterDocument[];
  shownId: string;
  currentId: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="version-list">
      <h3>{t('signing.history')}</h3>
      <ol data-testid="visit-versions">
        {history.map((version, index) => (
          <li
            key={version.id}
            data-testid="visit-version"
            data-version={version.id}
            data-superseded={version.id !== currentId}
          >
            <button type="button" disabled={version.id === shownId} onClick={() => onOpen(version.id)}>
              {t('signing.historyVersion', { number: index + 1 })}
            </button>{' '}
            {version.signedAt && formatDateTime(version.signedAt)}{' '}
            <strong>{version.id === currentId ? t('signing.current') : t('signing.superseded')}</strong>
            {version.amendmentReason && ` · ${version.amendmentReason}`}
          </li>
        ))}
      </ol>
    </div>
  );
}
