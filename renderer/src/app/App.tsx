/**
 * The app: the whole window is the drop zone; inside it the section list, the connection banner, the
 * current screen (hash routes, see routes.ts) and the notices.
 *
 * The upload screen is in the first bundle (it is what opens); every other screen loads when first
 * visited, so the window is interactive sooner.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DropZone } from '../features/drop-zone/DropZone.js';
import { useFinishAlerts } from '../features/finish-alerts/use-finish-alerts.js';
import { Notices } from '../features/notices/Notices.js';
import { UploadPage } from '../features/upload/UploadPage.js';
import { AppNav } from './AppNav.js';
import { useBridge } from './bridge-context.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { NotFound } from './NotFound.js';
import { ROUTES } from './routes.js';
import { useAppearance } from './use-appearance.js';

const HistoryPage = lazy(() => import('../features/history/HistoryPage.js').then((module) => ({ default: module.HistoryPage })));
const InspectPage = lazy(() => import('../features/links/InspectPage.js').then((module) => ({ default: module.InspectPage })));
const IssuedLinksPage = lazy(() => import('../features/links/IssuedLinksPage.js').then((module) => ({ default: module.IssuedLinksPage })));
const NewLinkPage = lazy(() => import('../features/links/NewLinkPage.js').then((module) => ({ default: module.NewLinkPage })));
const ProfilesPage = lazy(() => import('../features/profiles/ProfilesPage.js').then((module) => ({ default: module.ProfilesPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.js').then((module) => ({ default: module.SettingsPage })));

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
              <Suspense fallback={<p className="page-loading">{t('loading')}</p>}>
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
              </Suspense>
            </main>
          </div>
        </div>
        <Notices />
      </DropZone>
    </Router>
  );
}
