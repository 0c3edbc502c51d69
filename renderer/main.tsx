import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './app/boot';
import { detectPlatform } from './device/platform';
import { initI18n } from './i18n/i18n';
import { App } from './app/App';
import './app/styles.css';

await initI18n();
const platform = detectPlatform();
// Started outside React so that it runs exactly once, whatever StrictMode re-runs.
const booting = boot(platform);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App platform={platform} booting={booting} />
  </StrictMode>,
);
