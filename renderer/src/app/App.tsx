/**
 * The app: the whole window is the drop zone; inside it the section list, the connection banner, the
 * current screen (hash routes, see routes.ts) and the notices.
 */
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DropZone } from '../features/drop-zone/DropZone.js';
import { useFinishAlerts } from '../features/finish-alerts/use-finish-alerts.js';
import { HistoryPage } from '../features/history/HistoryPage.js';
import { InspectPage } from '../features/links/InspectPage.js';
import { IssuedLinksPage } from '../features/links/IssuedLinksPage.js';
import { NewLinkPage } from '../features/links/NewLinkPage.js';
import { Notices } from '../features/notices/Notices.js';
import { ProfilesPage } from '../features/profiles/ProfilesPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { UploadPage } from '../features/upload/UploadPage.js';
import { AppNav } from './AppNav.js';
import { useBridge } from './bridge-context.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { NotFound } from './NotFound.js';
import { ROUTES } from './routes.js';
import { useAppearance } from './use-appearance.js';

/** The app. */
export function App() {
  const { t } = useTranslation();
  useFinishAlerts(useBridge().face);
  useAppearance();
  return (
    <Router hook={useHashLocation}>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <DropZone>
        <div className="app-layout">
          <AppNav />
          <div className="app-content">
            <ConnectionBanner />
            <main id="main" tabIndex={-1}>
              <Switch>
                <Route path={ROUTES.upload} component={UploadPage} />
                <Route path={ROUTES.newLink} component={NewLinkPage} />
                <Route path={ROUTES.inspect} component={InspectPage} />
                <Route path={ROUTES.links} component={IssuedLinksPage} />
                <Route path={ROUTES.history} component={HistoryPage} />
                <Route path={ROUTES.profiles} nest component={ProfilesPage} />
                <Route path={ROUTES.settings} component={SettingsPage} />
                <Route component={NotFound} />
              </Switch>
            </main>
          </div>
        </div>
        <Notices />
      </DropZone>
    </Router>
  );
}
