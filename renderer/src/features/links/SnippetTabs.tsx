/**
 * Ready-to-paste commands that use a link exactly as signed, in tabs (curl, PowerShell, Python, fetch),
 * each with Copy. The tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkSnippets } from '../../../../electron/shared/ipc/link-types.js';
import { CopyButton } from '../../app/CopyButton.js';

/** The tabs, in order, with their names (product names: the same in every language). */
const TABS: readonly { readonly id: keyof LinkSnippets; readonly name: string }[] = [
  { id: 'curl', name: 'curl' },
  { id: 'powershell', name: 'PowerShell' },
  { id: 'python', name: 'Python' },
  { id: 'fetch', name: 'fetch' },
];

/** The tabs of `snippets`. */
export function SnippetTabs({ snippets }: { readonly snippets: LinkSnippets }) {
  const { t } = useTranslation('links');
  const [chosen, setChosen] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (index: number) => {
    const next = (index + TABS.length) % TABS.length;
    setChosen(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: chosen + 1, ArrowLeft: chosen - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
  };
  return (
    <div className="links-snippets">
      <div role="tablist" aria-label={t('result.snippetTabs')} className="links-tablist" onKeyDown={onKeyDown}>
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`snippet-tab-${tab.id}`}
            aria-selected={index === chosen}
            aria-controls={`snippet-panel-${tab.id}`}
            tabIndex={index === chosen ? 0 : -1}
            className="links-tab"
            onClick={() => setChosen(index)}
          >
            {tab.name}
          </button>
        ))}
      </div>
      {TABS.map((tab, index) => (
        <div key={tab.id} role="tabpanel" id={`snippet-panel-${tab.id}`} aria-labelledby={`snippet-tab-${tab.id}`} hidden={index !== chosen} className="links-tabpanel" data-testid={`snippet-${tab.id}`}>
          <pre tabIndex={0}>
            <code>{snippets[tab.id]}</code>
          </pre>
          <CopyButton text={snippets[tab.id]} label={t('result.copySnippet', { name: tab.name })} className="button" />
        </div>
      ))}
    </div>
  );
}
