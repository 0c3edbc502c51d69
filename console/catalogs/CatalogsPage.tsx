import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import { CATALOG_KINDS, type CatalogKind } from '../../shared/catalog/catalog-kinds';
import { AdminApiError, type AdminClient } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { ImportReport } from './ImportReport';
import { ProblemList } from './ProblemList';
import { importCatalogFile, type CatalogImportChoice, type CatalogImportOutcome } from './catalogs-api';
import './catalogs.css';

/** Today on the admin's calendar, yyyy-MM-dd: a new version usually applies from today. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The import route's own refusals besides a bad file. */
const CATALOG_ROUTE_CODES = new Set(['not-found', 'body-too-large']);

interface Picked {
  name: string;
  bytes: ArrayBuffer;
  /** Bumped at every pick, so that picking the same name again counts as another file. */
  serial: number;
}

/** What a dry run was made of: applying needs the very same. */
const choiceKey = (choice: Omit<CatalogImportChoice, 'file'>, file: Picked) =>
  JSON.stringify([choice.kind, choice.provinceCode, choice.effectiveFrom, choice.retireMissing, file.serial]);

/**
 * The Danh mục page: a catalog file checked by a dry run (what would be added, changed and
 * retired; or every bad row with its line and reason), then applied with the same choices,
 * which publishes it to every PC of the province.
 */
export function CatalogsPage({ client }: { client: AdminClient }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CatalogKind | ''>('');
  const [provinceCode, setProvinceCode] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [retireMissing, setRetireMissing] = useState(false);
  const [file, setFile] = useState<Picked | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const [dryRun, setDryRun] = useState<{ key: string; outcome: CatalogImportOutcome } | null>(null);
  const [applied, setApplied] = useState<CatalogImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const serial = useRef(0);

  // The province of the console's facilities is the likely one; the admin may pick another.
  useEffect(() => {
    let live = true;
    client.facilities().then(
      (facilities) => {
        const first = facilities[0]?.provinceCode;
        if (live && first) setProvinceCode((current) => current || first);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const choice = kind && file ? { kind, provinceCode, effectiveFrom, retireMissing } : null;
  const currentKey = choice && file ? choiceKey(choice, file) : null;
  const canApply = dryRun !== null && dryRun.outcome.ok && dryRun.key === currentKey;
  const kindName = kind ? t(`catalogs.kinds.${kind}`) : '';
  const provinceName = PROVINCES.find((province) => province.code === provinceCode)?.name ?? provinceCode;

  const run = async (mode: 'dry' | 'apply') => {
    setError(null);
    const problem = !kind
      ? 'chooseKind'
      : !provinceCode
        ? 'chooseProvince'
        : !effectiveFrom
          ? 'dateRequired'
          : !file
            ? 'chooseFile'
            : null;
    setMissing(problem);
    if (problem || !choice || !file || !currentKey) return;
    if (mode === 'apply') {
      if (!canApply || !dryRun.outcome.ok) return;
      const { changes } = dryRun.outcome.answer;
      const confirmed = window.confirm(
        t('catalogs.confirmApply', {
          kind: kindName,
          province: provinceName,
          date: effectiveFrom,
          added: changes.added.count,
          changed: changes.changed.count,
          retired: changes.retired.count,
        }),
      );
      if (!confirmed) return;
    }
    setBusy(mode);
    try {
      const outcome = await importCatalogFile(client, { ...choice, file: file.bytes }, mode === 'dry');
      if (mode === 'dry') {
        setApplied(null);
        setDryRun({ key: currentKey, outcome });
      } else {
        setApplied(outcome);
        setDryRun(null);
      }
    } catch (failure) {
      setError(
        failure instanceof AdminApiError && CATALOG_ROUTE_CODES.has(failure.code)
          ? t(`catalogs.errors.${failure.code}`)
          : errorMessage(t, failure),
      );
    } finally {
      setBusy(null);
    }
  };

  const shown = applied ?? dryRun?.outcome ?? null;
  return (
    <section className="page catalogs" data-testid="page-catalogs">
      <div className="page-title">
        <h1>{t('catalogs.title')}</h1>
      </div>
      <p className="hint">{t('catalogs.intro')}</p>
      <form
        className="catalog-form card"
        aria-label={t('catalogs.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void run('dry');
        }}
      >
        <label htmlFor="catalog-kind">{t('catalogs.kind')}</label>
        <select
          id="catalog-kind"
          value={kind}
          autoFocus
          onChange={(event) => setKind(event.target.value as CatalogKind | '')}
        >
          <option value="">—</option>
          {CATALOG_KINDS.map((each) => (
            <option key={each} value={each}>
              {t(`catalogs.kinds.${each}`)}
            </option>
          ))}
        </select>
        <label htmlFor="catalog-province">{t('catalogs.province')}</label>
        <select id="catalog-province" value={provinceCode} onChange={(event) => setProvinceCode(event.target.value)}>
          <option value="">{t('catalogs.chooseProvince')}</option>
          {PROVINCES.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
        <label htmlFor="catalog-effective-from">{t('catalogs.effectiveFrom')}</label>
        <input
          id="catalog-effective-from"
          type="date"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.target.value)}
        />
        <label htmlFor="catalog-file">{t('catalogs.file')}</label>
        <div>
          <input
            id="catalog-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="catalog-file-hint"
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (!picked) {
                setFile(null);
                return;
              }
              serial.current += 1;
              const pickSerial = serial.current;
              void picked.arrayBuffer().then((bytes) => setFile({ name: picked.name, bytes, serial: pickSerial }));
            }}
          />
          <span className="hint" id="catalog-file-hint">
            {t('catalogs.fileHint')}
          </span>
        </div>
        <span />
        <label className="check" htmlFor="catalog-retire-missing">
          <input
            id="catalog-retire-missing"
            type="checkbox"
            checked={retireMissing}
            onChange={(event) => setRetireMissing(event.target.checked)}
          />
          {t('catalogs.retireMissing')}
        </label>
        <span />
        <div className="actions">
          <button type="submit" disabled={busy !== null} data-testid="catalog-dry-run">
            {busy === 'dry' ? t('catalogs.checking') : t('catalogs.dryRun')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy !== null || !canApply}
            data-testid="catalog-apply"
            onClick={() => void run('apply')}
          >
            {busy === 'apply' ? t('catalogs.applying') : t('catalogs.apply')}
          </button>
        </div>
      </form>
      {missing && (
        <p className="form-error" role="alert" data-testid="catalog-missing">
          {t(`catalogs.${missing}`)}
        </p>
      )}
      {dryRun && !canApply && dryRun.outcome.ok && <p className="hint">{t('catalogs.stale')}</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="catalog-error">
          {error}
        </p>
      )}
      {shown &&
        (shown.ok ? (
          <ImportReport answer={shown.answer} kindName={kindName} />
        ) : (
          <ProblemList problems={shown.problems} />
        ))}
    </section>
  );
}
