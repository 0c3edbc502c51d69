import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { devicesEn, devicesVi } from './devices/messages';
import { facilityViewEn, facilityViewVi } from './facilities/messages';
import { auditEn, auditVi } from './audit/messages';
import { conflictsEn, conflictsVi } from './conflicts/messages';
import { duplicatesEn, duplicatesVi } from './duplicates/messages';
import { consoleEn, consoleVi } from './messages';
import { catalogsEn, catalogsVi } from './catalogs/messages';
import { staffEn, staffVi } from './staff/messages';

/**
 * Each page keeps its words in its own folder (`console/<page>/messages.ts`, Vietnamese first,
 * English with the same keys) under its own top-level key; one line per page here.
 */
const PAGE_MESSAGES: { key: string; vi: object; en: object }[] = [
  { key: 'devices', vi: devicesVi, en: devicesEn },
  { key: 'facilityView', vi: facilityViewVi, en: facilityViewEn },
  { key: 'staff', vi: staffVi, en: staffEn },
  { key: 'catalogs', vi: catalogsVi, en: catalogsEn },
  { key: 'conflicts', vi: conflictsVi, en: conflictsEn },
  { key: 'audit', vi: auditVi, en: auditEn },
  { key: 'duplicates', vi: duplicatesVi, en: duplicatesEn },
];

function withPages(base: object, language: 'vi' | 'en'): object {
  return Object.fromEntries([
    ...Object.entries(base),
    ...PAGE_MESSAGES.map((page) => [page.key, page[language]] as const),
  ]);
}

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_KEY = 'sen.console.language';

function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
}

/** Vietnamese first; the English switch is remembered by this browser. */
export async function initConsoleI18n(): Promise<void> {
  const language = storedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: {
      vi: { translation: withPages(consoleVi, 'vi') },
      en: { translation: withPages(consoleEn, 'en') },
    },
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
