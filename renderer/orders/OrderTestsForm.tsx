import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import type { OrderableTest } from './orders-repository';
import type { RepeatWarning } from './repeat-window';
import { useRepeats, useTestSearch } from './use-orders';

/**
 * Picking tests for a visit by keyboard: type a code or a name without diacritics, arrows and
 * Enter to add (among the results of the text now typed, waiting for them if need be),
 * Ctrl+Enter to order. A test the patient had within its validity shows the earlier result
 * first and asks for the reason to repeat it.
 */
export function OrderTestsForm({ encounter }: { encounter: EncounterDocument }) {
  const { t } = useTranslation();
  const { orders } = useServices();
  const [text, setText] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const [chosen, setChosen] = useState<OrderableTest[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missingReasons, setMissingReasons] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const { shown: found, whenCurrent } = useTestSearch(orders, text);
  const repeats = useRepeats(orders, encounter.patientId, chosen);

  const add = (test: OrderableTest | undefined): void => {
    if (!test) return;
    if (!chosen.some((candidate) => candidate.code === test.code)) setChosen([...chosen, test]);
    setText('');
    setHighlighted(0);
    setMessage(null);
  };
  const remove = (code: string): void => {
    // Left out after its warning: a repeat avoided, as the province counts them.
    const warned = repeats.find((repeat) => repeat.code === code);
    if (warned) void orders.reportAvoided(warned);
    setChosen(chosen.filter((test) => test.code !== code));
    setMissingReasons(missingReasons.filter((missing) => missing !== code));
    search.current?.focus();
  };

  const submit = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    try {
      const result = await orders.orderTests(encounter, chosen, reasons);
      if (result.ok) {
        setChosen([]);
        setReasons({});
        setMissingReasons([]);
        setMessage({ kind: 'success', text: t('orders.ordered') });
        search.current?.focus();
      } else if (result.problem === 'repeat-reason-required') {
        const codes = result.repeats.map((repeat) => repeat.code);
        setMissingReasons(codes);
        setMessage(null);
        document.getElementById(`repeat-reason-${codes[0] ?? ''}`)?.focus();
      } else {
        setMessage({ kind: 'error', text: t(`orders.problem-${result.problem}`) });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: t('orders.saveFailed', { message: String(error) }) });
    } finally {
      setSaving(false);
    }
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setHighlighted(Math.min(highlighted + 1, Math.max(found.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setHighlighted(Math.max(highlighted - 1, 0));
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      if (text.trim() !== '') whenCurrent((results) => add(results[Math.min(highlighted, results.length - 1)]));
      else if (chosen.length > 0) void submit();
    }
  };

  return (
    <form
      className="order-tests"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.ctrlKey) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <label htmlFor="orders-test-search">{t('orders.searchLabel')}</label>
      <input
        id="orders-test-search"
        ref={search}
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls="orders-test-results"
        aria-activedescendant={found[highlighted] ? `test-option-${found[highlighted].code}` : undefined}
        placeholder={t('orders.searchPlaceholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onSearchKey}
      />
      <small className="hint">{t('orders.searchHint')}</small>
      {text.trim() !== '' && found.length === 0 && <p className="empty">{t('orders.searchNone')}</p>}
      {found.length > 0 && (
        <ul id="orders-test-results" className="test-results" role="listbox" aria-label={t('orders.searchLabel')}>
          {found.map((test, index) => (
            <li
              key={test.code}
              id={`test-option-${test.code}`}
              role="option"
              aria-selected={index === highlighted}
              onMouseDown={(event) => {
                event.preventDefault();
                add(test);
              }}
            >
              {test.code} — {test.name} <small>({t(`orders.kind-${test.kind}`)})</small>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <ul className="chosen-tests" aria-label={t('orders.chosen')} data-testid="chosen-tests">
          {chosen.map((test) => (
            <ChosenTest
              key={test.code}
              test={test}
              repeat={repeats.find((repeat) => repeat.code === test.code)}
              reason={reasons[test.code] ?? ''}
              reasonMissing={missingReasons.includes(test.code)}
              onReason={(reason) => setReasons({ ...reasons, [test.code]: reason })}
              onRemove={() => remove(test.code)}
            />
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" disabled={chosen.length === 0 || saving} data-testid="order-tests">
          {t('orders.order', { count: chosen.length })}
        </button>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'form-error' : 'form-success'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}

function ChosenTest(props: {
  test: OrderableTest;
  repeat: RepeatWarning | undefined;
  reason: string;
  reasonMissing: boolean;
  onReason: (reason: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { test, repeat } = props;
  const reasonId = `repeat-reason-${test.code}`;
  return (
    <li data-code={test.code}>
      {test.code} — {test.name} <small>({t(`orders.kind-${test.kind}`)})</small>{' '}
      <button type="button" aria-label={t('orders.remove', { name: test.name })} onClick={props.onRemove}>
        {t('orders.removeShort')}
      </button>
      {repeat && (
        <div className="repeat-warning" role="alert" data-testid={`repeat-${test.code}`}>
          {repeat.result && (
            <p>
              {t(repeat.result.facility ? 'orders.repeat-result-elsewhere' : 'orders.repeat-result', {
                facility: repeat.result.facility
                  ? `${repeat.result.facility.name} (${repeat.result.facility.code})`
                  : '',
                date: formatDateTime(repeat.result.recordedAt),
                value: repeat.result.value,
                unit: repeat.result.unit,
                flag: repeat.result.flag === '' ? '' : `(${t(`orders.flag-${repeat.result.flag}`)})`,
                days: repeat.validityDays,
              })}
            </p>
          )}
          {repeat.openOrder && (
            <p>{t('orders.repeat-open-order', { date: formatDateTime(repeat.openOrder.orderedAt) })}</p>
          )}
          <label htmlFor={reasonId}>{t('orders.repeat-reason')}</label>{' '}
          <input
            id={reasonId}
            value={props.reason}
            maxLength={500}
            aria-invalid={props.reasonMissing && props.reason.trim() === ''}
            aria-describedby={props.reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => props.onReason(event.target.value)}
          />
          {props.reasonMissing && props.reason.trim() === '' && (
            <span id={`${reasonId}-error`} className="field-error">
              {t('orders.repeat-reason-required')}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
