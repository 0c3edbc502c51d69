import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import { useTaggedSearch } from '../catalog/use-tagged-search';
import type { Icd10Entry } from './visit-rules';

const SEARCH_DELAY_MS = 120;

/**
 * An ICD-10 combobox: type a code (`j189`) or words without diacritics (`viem phoi`), move with
 * the arrows, Enter picks, Escape clears. Results come from the catalog on this PC. Enter picks
 * only among the results of the text now typed: pressed while its search runs, it waits for them.
 */
export function IcdSearch({ onPick, disabled }: { onPick: (entry: Icd10Entry) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { catalog } = useServices();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const searchIcd10 = useCallback((text: string) => catalog.searchIcd10(text, 10), [catalog]);
  const { shown: results, whenCurrent } = useTaggedSearch(query, searchIcd10, SEARCH_DELAY_MS);

  const pick = (entry: Icd10Entry | undefined): void => {
    if (!entry) return;
    onPick(entry);
    setQuery('');
    setActive(0);
  };
  const open = query.trim() !== '';

  return (
    <div className="icd-search">
      <label htmlFor="icd-search">{t('visits.icdSearch')}</label>
      <input
        id="icd-search"
        role="combobox"
        aria-expanded={open}
        aria-controls="icd-options"
        aria-activedescendant={open && results[active] ? `icd-option-${active}` : undefined}
        autoComplete="off"
        disabled={disabled}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive(Math.min(active + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (event.key === 'Enter') whenCurrent((current) => pick(current[Math.min(active, current.length - 1)]));
          else if (event.key === 'Escape' && query !== '') {
            // Clears the search rather than leaving the page (the app's Escape).
            event.stopPropagation();
            setQuery('');
          } else return;
          event.preventDefault();
        }}
      />
      {open && (
        <ul id="icd-options" role="listbox" className="icd-options" data-testid="icd-options">
          {results.length === 0 && <li className="empty">{t('visits.icdNoMatch')}</li>}
          {results.map((entry, index) => (
            <li
              key={entry.code}
              id={`icd-option-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(entry);
              }}
            >
              <span className="diagnosis-code">{entry.code}</span> {entry.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
