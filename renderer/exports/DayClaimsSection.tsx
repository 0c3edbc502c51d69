import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../shared/exports/xml130/xml130-time';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import type { DayClaims } from './exports-repository';
import { MissingFields } from './MissingFields';
import { saveFile } from './save-file';

/**
 * A day's claims: the closed visits and stays of the chosen day, each ready or with what it
 * lacks; the ready ones leave as one GIAMDINHHS file, the others are listed to be completed.
 */
export function DayClaimsSection() {
  const { t } = useTranslation();
  const { exports } = useServices();
  const [day, setDay] = useState(() => vietnamDay(new Date().toISOString()));
  const [claims, setClaims] = useState<DayClaims | null>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'listing' } | { kind: 'saved' | 'failed'; message: string }>({
    kind: 'idle',
  });

  const list = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setState({ kind: 'listing' });
    try {
      setClaims(await exports.dayClaims(day));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', message: t('exports.claimFailed', { message: String(error) }) });
    }
  };
  const ready = claims?.episodes.filter((episode) => episode.missing.length === 0) ?? [];
  const incomplete = claims ? claims.episodes.length - ready.length : 0;
  const exportDay = (): void => {
    if (!claims?.file) return;
    saveFile(claims.file);
    setState({ kind: 'saved', message: t('exports.daySaved', { file: claims.file.fileName, count: ready.length }) });
  };

  return (
    <section className="visit-section" aria-labelledby="day-claims-title" data-testid="day-claims">
      <h2 id="day-claims-title">{t('exports.dayTitle')}</h2>
      <p>{t('exports.dayIntro')}</p>
      <form className="actions" onSubmit={(event) => void list(event)}>
        <label>
          {t('exports.day')}{' '}
          <input
            type="date"
            required
            value={day}
            data-testid="claims-day"
            onChange={(event) => {
              setDay(event.target.value);
              setClaims(null);
            }}
          />
        </label>
        <button type="submit" disabled={state.kind === 'listing'}>
          {state.kind === 'listing' ? t('exports.listing') : t('exports.list')}
        </button>
      </form>
      {claims && claims.episodes.length === 0 && <p className="empty">{t('exports.noEpisodes')}</p>}
      {claims && claims.episodes.length > 0 && (
        <>
          <p className="notice" data-testid="claims-count">
            {t('exports.readyCount', { ready: ready.length, missing: incomplete })}
          </p>
          <table className="exports-table" data-testid="claims-episodes">
            <thead>
              <tr>
                <th>{t('exports.patient')}</th>
                <th>{t('exports.kind')}</th>
                <th>{t('exports.endedAt')}</th>
                <th>{t('exports.state')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.episodes.map((episode) => (
                <tr key={episode.encounterId} data-episode-key={episode.episodeKey}>
                  <td>
                    {episode.patientName} · {episode.patientCode}
                  </td>
                  <td>
                    <a
                      href={
                        episode.kind === 'inpatient'
                          ? `#/stays/${episode.encounterId}`
                          : `#/visits/${episode.encounterId}`
                      }
                    >
                      {t(`exports.${episode.kind}`)}
                    </a>
                  </td>
                  <td>{formatDateTime(episode.endedAt)}</td>
                  {episode.missing.length === 0 ? (
                    <td className="ready">{t('exports.ready')}</td>
                  ) : (
                    <td>
                      {t('exports.missing')}
                      <MissingFields missing={episode.missing} episode={episode} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {claims.file && (
            <button type="button" data-testid="export-day" onClick={exportDay}>
              {t('exports.exportDay', { count: ready.length })}
            </button>
          )}
        </>
      )}
      {state.kind === 'saved' && (
        <p className="notice" role="status" data-testid="day-saved">
          {state.message}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
