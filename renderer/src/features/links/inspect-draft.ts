/**
 * What the link inspector holds between visits, and how other screens hand it a link: "Inspect" on an
 * issued link or on a new link's result puts the URL here and opens the inspector, which inspects it at
 * once. Kept in the page (never in the address bar, where a signed URL would sit in the history).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** The inspector's inputs. */
export interface InspectDraft {
  readonly url: string;
  readonly answer: string;
  /** True when another screen handed the URL over: the inspector inspects it on arrival. */
  readonly handedOver: boolean;
}

/** The draft and its changes. */
export interface InspectDraftState extends InspectDraft {
  readonly edit: (patch: Partial<Pick<InspectDraft, 'url' | 'answer'>>) => void;
  /** Hands `url` to the inspector (with no server answer yet). */
  readonly handOver: (url: string) => void;
  /** The inspector took the handed-over URL. */
  readonly taken: () => void;
}

/** The page's draft (tests reset it with `inspectDraft.setState`). */
export const inspectDraft = createStore<InspectDraftState>()((set) => ({
  url: '',
  answer: '',
  handedOver: false,
  edit: (patch) => set(patch),
  handOver: (url) => set({ url, answer: '', handedOver: true }),
  taken: () => set({ handedOver: false }),
}));

/** Reads part of the draft. */
export function useInspectDraft<T>(selector: (state: InspectDraftState) => T): T {
  return useStore(inspectDraft, selector);
}
