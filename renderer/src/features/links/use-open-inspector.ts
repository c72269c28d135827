/**
 * Opens the link inspector on a URL (see inspect-draft.ts).
 */
import { useLocation } from 'wouter';
import { ROUTES } from '../../app/routes.js';
import { inspectDraft } from './inspect-draft.js';

/** A function that inspects `url` in the inspector. */
export function useOpenInspector(): (url: string) => void {
  const [, navigate] = useLocation();
  return (url) => {
    inspectDraft.getState().handOver(url);
    navigate(ROUTES.inspect);
  };
}
