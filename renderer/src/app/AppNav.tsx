/**
 * The section list on the left: one link per screen, the current one marked for screen readers
 * (`aria-current="page"`) and by look.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ROUTES, type RoutePath } from './routes.js';

const ITEMS: readonly { readonly path: RoutePath; readonly label: 'upload' | 'newLink' | 'links' | 'inspect' | 'history' | 'profiles' | 'settings' }[] = [
  { path: ROUTES.upload, label: 'upload' },
  { path: ROUTES.newLink, label: 'newLink' },
  { path: ROUTES.links, label: 'links' },
  { path: ROUTES.inspect, label: 'inspect' },
  { path: ROUTES.history, label: 'history' },
  { path: ROUTES.profiles, label: 'profiles' },
  { path: ROUTES.settings, label: 'settings' },
];

/**
 * The section that `location` is in: the item with the longest path that is `location` or a folder of
 * it, so `/profiles/edit/prod` marks Profiles and `/links/new` marks New link (not Issued links).
 */
export function currentSection(location: string): RoutePath | undefined {
  let best: RoutePath | undefined;
  for (const { path } of ITEMS) {
    const inside = location === path || (path !== '/' && location.startsWith(`${path}/`));
    if (inside && (best === undefined || path.length > best.length)) best = path;
  }
  return best;
}

/** The navigation. */
export function AppNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const section = currentSection(location);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <p className="app-name">{t('appName')}</p>
      <ul>
        {ITEMS.map((item) => {
          const current = section === item.path;
          return (
            <li key={item.path}>
              <Link href={item.path} aria-current={current ? 'page' : undefined} data-testid={`nav-${item.label}`}>
                {t(`nav.${item.label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
