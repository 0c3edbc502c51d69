import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import { useTaggedSearch } from '../catalog/use-tagged-search';
import type { DrugEntry } from './prescription-lines';

/**
 * The drug search of the prescription form: type part of a name, an ingredient or a code (no
 * diacritics needed), move with the arrow keys, Enter adds the highlighted drug (the first by
 * default) and clears the box for the next one. Enter picks only among the results of the text
 * now typed: pressed while its search runs, it waits for them.
 */
export function DrugSearch({ onChoose }: { onChoose: (drug: DrugEntry) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const { catalog } = useServices();
  const searchDrugs = useCallback((text: string) => catalog.search('drug', text), [catalog]);
  const { shown: found, whenCurrent } = useTaggedSearch(query, searchDrugs);
  const active = Math.min(highlighted, Math.max(found.length - 1, 0));

  const choose = (drug: DrugEntry | undefined): void => {
    if (!drug) return;
    onChoose(drug);
    setQuery('');
    setHighlighted(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted(Math.min(Math.max(active + step, 0), Math.max(found.length - 1, 0)));
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      whenCurrent((results) => choose(results[Math.min(active, results.length - 1)]));
    }
  };

  return (
    <div className="drug-search field">
      <label htmlFor="drug-search">{t('prescriptions.drugSearch')}</label>
      <input
        id="drug-search"
        value={query}
        autoComplete="off"
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls="drug-results"
        aria-activedescendant={found[active] ? `drug-option-${active}` : undefined}
        aria-describedby="drug-search-hint"
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onKeyDown}
      />
      <small id="drug-search-hint">{t('prescriptions.drugSearchHint')}</small>
      {query.trim() !== '' && found.length === 0 && <p className="empty">{t('prescriptions.noDrugFound')}</p>}
      {found.length > 0 && (
        <ul id="drug-results" role="listbox" className="drug-results" data-testid="drug-results">
          {found.map((drug, index) => (
            <li
              key={drug.code}
              id={`drug-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : ''}
              onMouseDown={(event) => {
                // Keeps the focus in the search box; the click chooses.
                event.preventDefault();
                choose(drug);
              }}
            >
              <strong>{drug.name}</strong> · {drug.details.ingredient} · {drug.details.form} · {drug.details.unit}{' '}
              <small>{drug.code}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
