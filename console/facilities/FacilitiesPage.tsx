import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentCodeResponse, FacilityRecord } from '../../shared/admin/admin-api';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import type { AdminClient } from '../api/admin-client';
import { errorMessage } from '../app/errors';
import { EnrollmentCodePanel } from './EnrollmentCodePanel';
import { FacilityForm } from './FacilityForm';
import { EMPTY_FACILITY, newFacilityOf, valuesOf, type FacilityFormValues } from './facility-form-values';

type Editing = { kind: 'create' } | { kind: 'edit'; facility: FacilityRecord } | null;

const provinceName = (code: string) => PROVINCES.find((province) => province.code === code)?.name ?? code;
const wardName = (provinceCode: string, wardCode: string | null) =>
  PROVINCES.find((province) => province.code === provinceCode)?.wards.find(([code]) => code === wardCode)?.[1] ?? '—';

/**
 * The province's facilities: the list, a form to add or edit one, deactivation after a
 * confirmation that names it, and an enrollment code in one click. Only a province admin
 * changes facilities; a sync admin sees the list and issues codes.
 */
export function FacilitiesPage({ client, canManage }: { client: AdminClient; canManage: boolean }) {
  const { t } = useTranslation();
  const [facilities, setFacilities] = useState<FacilityRecord[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: EnrollmentCodeResponse; name: string } | null>(null);

  // Bumped after every change: the list is fetched again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((current) => current + 1);
  useEffect(() => {
    let live = true;
    client.facilities().then(
      (list) => {
        if (live) setFacilities(list);
      },
      (error: unknown) => {
        if (live) setPageError(errorMessage(t, error));
      },
    );
    return () => {
      live = false;
    };
  }, [client, t, version]);

  const act = async (action: () => Promise<string>) => {
    setPageError(null);
    setNotice(null);
    try {
      setNotice(await action());
      reload();
    } catch (error) {
      setPageError(errorMessage(t, error));
    }
  };

  const save = async (values: FacilityFormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      if (editing?.kind === 'edit') {
        const { name, level, wardCode } = newFacilityOf(values);
        await client.changeFacility(values.code, { name, level, wardCode });
        setNotice(t('facilities.saved', { code: values.code }));
      } else {
        await client.createFacility(newFacilityOf(values));
        setNotice(t('facilities.created', { code: values.code }));
      }
      setEditing(null);
      reload();
    } catch (error) {
      setFormError(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page facilities" data-testid="page-facilities">
      <div className="page-title">
        <h1>{t('facilities.title')}</h1>
        {canManage && !editing && (
          <button
            type="button"
            className="primary"
            data-testid="add-facility"
            onClick={() => {
              setFormError(null);
              setEditing({ kind: 'create' });
            }}
          >
            {t('facilities.add')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="facility-notice">
          {notice}
        </p>
      )}
      {pageError && (
        <p className="form-error" role="alert" data-testid="facility-page-error">
          {pageError}
        </p>
      )}
      {editing && (
        <FacilityForm
          key={editing.kind === 'edit' ? editing.facility.code : 'new'}
          initial={editing.kind === 'edit' ? valuesOf(editing.facility) : EMPTY_FACILITY}
          editing={editing.kind === 'edit'}
          serverError={formError}
          busy={busy}
          onSave={(values) => void save(values)}
          onCancel={() => setEditing(null)}
        />
      )}
      {issued && (
        <EnrollmentCodePanel issued={issued.code} facilityName={issued.name} onClose={() => setIssued(null)} />
      )}
      {facilities === null ? (
        <p className="empty">{t('facilities.loading')}</p>
      ) : facilities.length === 0 ? (
        <p className="empty">{t('facilities.empty')}</p>
      ) : (
        <table className="list" data-testid="facility-list">
          <thead>
            <tr>
              <th scope="col">{t('facilities.code')}</th>
              <th scope="col">{t('facilities.name')}</th>
              <th scope="col">{t('facilities.level')}</th>
              <th scope="col">{t('facilities.province')}</th>
              <th scope="col">{t('facilities.ward')}</th>
              <th scope="col">{t('facilities.devices')}</th>
              <th scope="col">{t('facilities.state')}</th>
              <th scope="col">{t('facilities.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {facilities.map((facility) => (
              <tr
                key={facility.code}
                data-testid={`facility-${facility.code}`}
                className={facility.active ? '' : 'inactive'}
              >
                <td>
                  <a href={`#/facilities/${facility.code}`} data-testid="open-facility">
                    {facility.code}
                  </a>
                </td>
                <td>
                  <a href={`#/facilities/${facility.code}`}>{facility.name}</a>
                </td>
                <td>{facility.level ? t(`facilities.levels.${facility.level}`) : '—'}</td>
                <td>{provinceName(facility.provinceCode)}</td>
                <td>{wardName(facility.provinceCode, facility.wardCode)}</td>
                <td>
                  <a href={`#/devices/facility=${facility.code}`}>{facility.deviceCount}</a>
                </td>
                <td data-testid="facility-state">
                  {facility.active ? t('facilities.active') : t('facilities.inactive')}
                </td>
                <td className="row-actions">
                  {facility.active && (
                    <button
                      type="button"
                      data-testid="issue-code"
                      onClick={() =>
                        void act(async () => {
                          const code = await client.issueEnrollmentCode(facility.code);
                          setIssued({ code, name: facility.name });
                          return '';
                        })
                      }
                    >
                      {t('facilities.enrollmentCode')}
                    </button>
                  )}
                  {canManage && (
                    <button
                      type="button"
                      data-testid="edit-facility"
                      onClick={() => {
                        setFormError(null);
                        setEditing({ kind: 'edit', facility });
                      }}
                    >
                      {t('facilities.edit')}
                    </button>
                  )}
                  {canManage && facility.active && (
                    <button
                      type="button"
                      data-testid="deactivate-facility"
                      onClick={() => {
                        if (
                          !window.confirm(
                            t('facilities.confirmDeactivate', { code: facility.code, name: facility.name }),
                          )
                        )
                          return;
                        void act(async () => {
                          await client.setFacilityActive(facility.code, false);
                          return t('facilities.deactivated', { code: facility.code });
                        });
                      }}
                    >
                      {t('facilities.deactivate')}
                    </button>
                  )}
                  {canManage && !facility.active && (
                    <button
                      type="button"
                      data-testid="reactivate-facility"
                      onClick={() =>
                        void act(async () => {
                          await client.setFacilityActive(facility.code, true);
                          return t('facilities.reactivated', { code: facility.code });
                        })
                      }
                    >
                      {t('facilities.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
