import { useTranslation } from 'react-i18next';
import { valueText, type ValueDifference } from './value-diff';

/** One side of a conflict: the field's value, or each part that differs when it is an object. */
export function ValueCell({
  value,
  differences,
  side,
  hidden,
  testId,
}: {
  value: unknown;
  differences: ValueDifference[];
  side: 'master' | 'losing';
  hidden: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  if (hidden)
    return (
      <td className="value hidden-value" data-testid={testId}>
        {t('conflicts.hidden')}
      </td>
    );
  const text = (value: unknown) => valueText(value) ?? t('conflicts.nothing');
  if (differences.length === 0 || differences[0]?.path === '')
    return (
      <td className={`value ${side}`} data-testid={testId}>
        {text(value)}
      </td>
    );
  return (
    <td className={`value ${side}`} data-testid={testId}>
      <dl className="value-parts">
        {differences.map((difference) => (
          <div key={difference.path}>
            <dt>{t(`conflicts.fields.${difference.path}`, { defaultValue: difference.path })}</dt>
            <dd>{text(difference[side])}</dd>
          </div>
        ))}
      </dl>
    </td>
  );
}
