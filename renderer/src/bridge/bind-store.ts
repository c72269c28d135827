/**
 * The one place the host's events reach the store (zustand's "actions outside the store"): events and
 * progress are applied as they come; each time the connection opens (first load, reconnection after the
 * host or the network blinked) the page takes a fresh snapshot, with the app's info and settings.
 *
 * While a snapshot is on its way, events and batches are held and replayed after it: one that happened
 * after the snapshot was taken may arrive before the snapshot's answer, and applying it to the old queue
 * would be undone by the snapshot. The slice drops the replayed ones the snapshot already covers (`seq`).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ProgressBatch, TransferEvent } from '../../../electron/shared/transfer.js';
import type { AppState } from '../store/app-store.js';
import type { Bridge } from './dropsign-api.js';

type Held = { readonly kind: 'progress'; readonly batch: ProgressBatch } | { readonly kind: 'events'; readonly events: readonly TransferEvent[] };

/** Binds `bridge` to `store`. Returns the function that unbinds. */
export function bindStore(bridge: Bridge, store: StoreApi<AppState>): () => void {
  const { api } = bridge;
  let held: Held[] | undefined;
  let generation = 0;

  const apply = (item: Held): void => {
    if (item.kind === 'progress') store.getState().applyProgress(item.batch);
    else store.getState().applyEvents(item.events);
  };
  const receive = (item: Held): void => {
    if (held === undefined) apply(item);
    else held.push(item);
  };

  const resync = async (): Promise<void> => {
    const mine = ++generation;
    held = [];
    const [snapshot, info, settings] = await Promise.all([api.invoke('transfers:snapshot'), api.invoke('app:info'), api.invoke('settings:get')]);
    if (mine !== generation) return;
    const replay = held;
    held = undefined;
    if (snapshot.ok) store.getState().hydrate(snapshot.value);
    for (const item of replay) apply(item);
    if (info.ok) store.getState().setInfo(info.value);
    if (settings.ok) store.getState().setSettings(settings.value);
  };

  const unbind = [
    api.on('transfers:progress', (batch) => receive({ kind: 'progress', batch })),
    api.on('transfers:events', (events) => receive({ kind: 'events', events })),
    api.on('app:notice', (notice) => store.getState().pushNotice(notice)),
    bridge.onStatus((status) => {
      store.getState().setConnection(status);
      if (status.kind === 'open') void resync();
    }),
  ];
  return () => {
    generation += 1;
    for (const stop of unbind) stop();
  };
}
