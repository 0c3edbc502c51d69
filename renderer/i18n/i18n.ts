import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { backupEn, backupVi } from '../backup/messages';
import { catalogEn, catalogVi } from '../catalog/messages';
import { chartEn, chartVi } from '../chart/messages';
import { historyEn, historyVi } from '../history/messages';
import { inpatientEn, inpatientVi } from '../inpatient/messages';
import { ordersEn, ordersVi } from '../orders/messages';
import { prescriptionsEn, prescriptionsVi } from '../prescriptions/messages';
import { printingEn, printingVi } from '../printing/messages';
import { referralsEn, referralsVi } from '../referrals/messages';
import { signingEn, signingVi } from '../signing/messages';
import {
  auditReferenceEn,
  auditReferenceVi,
  deviceNameEn,
  deviceNameVi,
  syncStateEn,
  syncStateVi,
} from '../sync/messages';
import { updatesEn, updatesVi } from '../updates/messages';
import { visitsEn, visitsVi } from '../visits/messages';
import { exportsEn, exportsVi } from '../exports/messages';
import { en } from './en';
import { vi } from './vi';

/** Each clinical feature keeps its words beside its screens, under its own key. */
const features = {
  vi: {
    visits: visitsVi,
    orders: ordersVi,
    prescriptions: prescriptionsVi,
    chart: chartVi,
    catalog: catalogVi,
    printing: printingVi,
    signing: signingVi,
    inpatient: inpatientVi,
    history: historyVi,
    referrals: referralsVi,
    syncState: syncStateVi,
    deviceName: deviceNameVi,
    auditReference: auditReferenceVi,
    backup: backupVi,
    updates: updatesVi,
    exports: exportsVi,
  },
  en: {
    visits: visitsEn,
    orders: ordersEn,
    prescriptions: prescriptionsEn,
    chart: chartEn,
    catalog: catalogEn,
    printing: printingEn,
    signing: signingEn,
    inpatient: inpatientEn,
    history: historyEn,
    referrals: referralsEn,
    syncState: syncStateEn,
    deviceName: deviceNameEn,
    auditReference: auditReferenceEn,
    backup: backupEn,
    updates: updatesEn,
    exports: exportsEn,
  },
};

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'sen.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: {
      vi: { translation: { ...vi, ...features.vi } },
      en: { translation: { ...en, ...features.en } },
    },
    lng: storedLanguage(),
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
