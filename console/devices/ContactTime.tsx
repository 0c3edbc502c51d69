import { useTranslation } from 'react-i18next';
import { absoluteTime, agoOf } from './fleet-time';

/** "5 phút trước" with the time itself beneath it, in Vietnam's time; "Chưa có" for never. */
export function ContactTime({ at, now }: { at: string | null; now: string }) {
  const { t, i18n } = useTranslation();
  if (!at) return <span className="muted">{t('devices.never')}</span>;
  const ago = agoOf(at, now);
  return (
    <time dateTime={at} className="contact-time">
      <span>{t(`devices.ago.${ago.unit}`, { count: ago.count })}</span>
      <small>{absoluteTime(at, i18n.language)}</small>
    </time>
  );
}
