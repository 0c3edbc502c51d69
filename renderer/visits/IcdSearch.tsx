import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import type { Icd10Entry } from './visit-rules';

const SEARCH_DELAY_MS = 120;

/**
 * An ICD-10 combobox: type a code (`j189`) or words without diacritics (`viem phoi`), move with
 * the arrows, Enter picks, Escape clears. Results come from the catalog on this PC.
 */
export function IcdSearch({ onPick, disabled }: { onPick: (entry: Icd10Entry) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { catalog } = useServices();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Icd10Entry[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void catalog.searchIcd10(query, 10).then((found) => {
        if (!current) return;
        setResults(found);
        setActive(0);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalog, query]);

  const pick = (entry: Icd10Entry | undefined): void => {
    if (!entry) return;
    onPick(entry);
    setQuery('');
    setResults([]);
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
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive(Math.min(active + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (event.key === 'Enter') pick(results[active]);
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
