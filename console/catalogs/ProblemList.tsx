import { useTranslation } from 'react-i18next';
import type { CatalogImportProblem } from '../../shared/catalog/catalog-import-report';

/** A long list of problems is shown up to here, with the count of the rest. */
const PROBLEMS_SHOWN = 200;

/** The bad rows of a refused file: line, column and the reason in the page's language. */
export function ProblemList({ problems }: { problems: readonly CatalogImportProblem[] }) {
  const { t } = useTranslation();
  const reason = (problem: CatalogImportProblem) =>
    problem.code === 'rule-violated' && problem.rule
      ? t(`catalogs.rules.${problem.rule}`, { defaultValue: t('catalogs.problems.rule-violated') })
      : t(`catalogs.problems.${problem.code}`, { defaultValue: problem.message });
  return (
    <section className="problem-list" role="alert" data-testid="catalog-problems">
      <h3 className="form-error">{t('catalogs.badTitle', { count: problems.length })}</h3>
      <table className="list compact">
        <thead>
          <tr>
            <th scope="col">{t('catalogs.line')}</th>
            <th scope="col">{t('catalogs.column')}</th>
            <th scope="col">{t('catalogs.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
            <tr key={`${String(problem.line)}-${String(index)}`} data-testid={`problem-line-${String(problem.line)}`}>
              <td>{problem.line > 0 ? problem.line : '—'}</td>
              <td>{problem.column ?? '—'}</td>
              {/* The server's own sentence (English, with the exact value) stays at hand for the specialist. */}
              <td title={problem.message}>{reason(problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > PROBLEMS_SHOWN && (
        <p className="hint">{t('catalogs.moreErrors', { count: problems.length - PROBLEMS_SHOWN })}</p>
      )}
    </section>
  );
}
