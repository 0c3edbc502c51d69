import { useTranslation } from 'react-i18next';
import type { CatalogImportAnswer } from '../../shared/catalog/catalog-import-report';
import { ChangeTable } from './ChangeTable';

/** What a dry run would do, or what applying did: counts, then the rows of each kind of change. */
export function ImportReport({ answer, kindName }: { answer: CatalogImportAnswer; kindName: string }) {
  const { t } = useTranslation();
  const { changes } = answer;
  const nothing = changes.added.count + changes.changed.count + changes.retired.count === 0;
  return (
    <section className="import-report card" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">{answer.dryRun ? t('catalogs.dryRunTitle') : t('catalogs.appliedTitle')}</h2>
      {!answer.dryRun && (
        <p className="notice" role="status" data-testid="import-applied">
          {t('catalogs.appliedNotice', { versions: answer.added, kind: kindName })}
        </p>
      )}
      <dl className="counts" data-testid="import-counts">
        {(['added', 'changed', 'retired'] as const).map((kind) => (
          <div key={kind} data-testid={`count-${kind}`}>
            <dt>{t(`catalogs.${kind}`)}</dt>
            <dd>{changes[kind].count}</dd>
          </div>
        ))}
        <div data-testid="count-same">
          <dt>{t('catalogs.same')}</dt>
          <dd>{changes.same + answer.unchanged}</dd>
        </div>
      </dl>
      {nothing && <p className="empty">{t('catalogs.nothingNew')}</p>}
      <ChangeTable kind="added" list={changes.added} />
      <ChangeTable kind="changed" list={changes.changed} />
      <ChangeTable kind="retired" list={changes.retired} />
    </section>
  );
}
