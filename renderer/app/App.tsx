import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { finishEnrollment, type BootResult } from './boot';
import type { Platform } from '../device/platform';
import { EnrollmentPage } from '../device/EnrollmentPage';
import { ServicesContext } from './services-context';
import { SessionGate } from '../auth/SessionGate';

type Screen = { state: 'loading' } | BootResult | { state: 'failed'; message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function App({ platform, booting }: { platform: Platform; booting: Promise<BootResult> }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ state: 'loading' });

  useEffect(() => {
    booting.then(setScreen, (error: unknown) => setScreen({ state: 'failed', message: messageOf(error) }));
  }, [booting]);

  switch (screen.state) {
    case 'loading':
      return <p className="page">{t('app.loading')}</p>;
    case 'failed':
      return (
        <p className="page form-error" role="alert">
          {t('app.startFailed', { message: screen.message })}
        </p>
      );
    case 'enroll':
      return (
        <EnrollmentPage
          platform={platform}
          defaultServerUrl={screen.config.serverUrl}
          defaultCode={screen.config.enrollmentCode ?? ''}
          defaultDeviceName={screen.config.deviceName ?? ''}
          unattended={screen.unattended}
          allowInsecureHosts={screen.config.allowInsecureHosts ?? []}
          onEnrolled={(credential) => {
            finishEnrollment(platform, credential, screen.config).then(setScreen, (error: unknown) =>
              setScreen({ state: 'failed', message: messageOf(error) }),
            );
          }}
        />
      );
    case 'ready':
      return (
        <ServicesContext.Provider value={screen.services}>
          <SessionGate />
        </ServicesContext.Provider>
      );
  }
}
