/**
 * The page's bridge, handed to the features that act (upload, cancel, retry) through React context.
 */
import { createContext, useContext } from 'react';
import type { Bridge } from '../bridge/dropsign-api.js';

/** Holds the bridge; main.tsx provides it. */
export const BridgeContext = createContext<Bridge | undefined>(undefined);

/** The page's bridge. Throws outside the provider (a wiring bug). */
export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (bridge === undefined) throw new Error('useBridge() outside <BridgeContext.Provider>');
  return bridge;
}
