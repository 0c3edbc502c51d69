import { useEffect, useState } from 'react';
import { distinctUntilChanged, map } from 'rxjs';
import { APP_VERSION } from '../../shared/app-version';
import { useServices } from '../app/services-context';
import { UpdateChecker, type UpdateOffer } from './update-checker';

/** The newer version staged for this PC's facility, checked on the feed's schedule; null when none. */
export function useUpdateOffer(): UpdateOffer | null {
  const { device, sync } = useServices();
  const [offer, setOffer] = useState<UpdateOffer | null>(null);
  useEffect(() => {
    const checker = new UpdateChecker({
      serverUrl: device.serverUrl,
      token: device.token,
      runningVersion: APP_VERSION,
      lastSyncedAt$: sync.status$.pipe(
        map((status) => status.lastSyncedAt),
        distinctUntilChanged(),
      ),
    });
    const subscription = checker.offer$.subscribe(setOffer);
    checker.start();
    return () => {
      subscription.unsubscribe();
      checker.stop();
    };
  }, [device, sync]);
  return offer;
}
