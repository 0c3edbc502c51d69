import { useTranslation } from 'react-i18next';
import type { CatalogChangeList } from '../../shared/catalog/catalog-import-report';

/** One kind of change (added, changed or retired): its rows as the server listed them, and how many more. */
export function ChangeTable({ kind, list }: { kind: 'added' | 'changed' | 'retired'; list: CatalogChangeList }) {
  const { t } = useTranslation();
  if (list.count === 0) return null;
  const fieldName = (field: string) =>
    field === 'name' || field === 'nameEn' ? t(`catalogs.fieldNames.${field}`) : field.replace(/^details\./, '');
  return (
    <section className="change-table" aria-labelledby={`changes-${kind}`} data-testid={`changes-${kind}`}>
      <h3 id={`changes-${kind}`}>
        {t(`catalogs.${kind}`)}: {list.count}
      </h3>
      <table className="list compact">
        <thead>
          <tr>
            <th scope="col">{t('catalogs.line')}</th>
            <th scope="col">{t('catalogs.code')}</th>
            <th scope="col">{t('catalogs.name')}</th>
            {kind === 'changed' && <th scope="col">{t('catalogs.previousName')}</th>}
            {kind === 'changed' && <th scope="col">{t('catalogs.fields')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.code}>
              <td>{row.line ?? t('catalogs.notInFile')}</td>
              <td>{row.code}</td>
              <td>{row.name}</td>
              {kind === 'changed' && <td>{row.previousName}</td>}
              {kind === 'changed' && <td>{row.fields.map(fieldName).join(', ')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {list.count > list.rows.length && (
        <p className="hint">{t('catalogs.more', { count: list.count - list.rows.length })}</p>
      )}
    </section>
  );
}
