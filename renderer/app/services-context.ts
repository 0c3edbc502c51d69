import { createContext, useContext } from 'react';
import type { SenServices } from './start-services';

export const ServicesContext = createContext<SenServices | null>(null);

export function useServices(): SenServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
