/**
 * The renderer's entry: connects to the host (desktop preload or browser mode), binds the store to it,
 * and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { BridgeContext } from './app/bridge-context.js';
import { bindStore } from './bridge/bind-store.js';
import { connect } from './bridge/connect.js';
import { appStore } from './store/index.js';
import './app/app.css';
import './app/ui.css';

const bridge = connect();
bindStore(bridge, appStore);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);
