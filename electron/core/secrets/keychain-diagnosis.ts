/**
 * Turns what the keychain module (keytar over libsecret, Keychain Services or the Windows Credential
 * Manager) throws into a plain status: no keychain service, a locked keychain, or another failure, each
 * with what to do. keytar's messages are libsecret's / D-Bus's and carry no secret, but they are only
 * matched here, never shown whole except for unknown failures.
 */
import type { SecretStoreStatus } from './secret-store.js';

/** A status that is not `available`. */
export type KeychainProblem = Exclude<SecretStoreStatus, { kind: 'available' }>;

/** Messages meaning there is no Secret Service to talk to (D-Bus missing or no keyring daemon on it). */
const NO_SERVICE = [
  /cannot autolaunch d-bus/i,
  /could not connect/i,
  /failed to connect to socket/i,
  /not provided by any \.service files/i,
  /org\.freedesktop\.DBus\.Error\.(ServiceUnknown|NoServer|FileNotFound|Spawn)/i,
  /DBUS_SESSION_BUS_ADDRESS/,
  /no such interface .*secret/i,
];

/** Messages meaning the keyring exists (or would) but is locked or needs a prompt we cannot show. */
const LOCKED = [
  /locked/i,
  /prompt/i,
  /dismissed/i,
  /user (canceled|cancelled)/i,
  // gnome-keyring without a login keyring and no way to prompt for creating one.
  /object does not exist at path .*collection/i,
  // macOS: errSecInteractionNotAllowed / errSecAuthFailed.
  /interaction (is )?not allowed/i,
];

/** Linux: how to get a Secret Service. */
const LINUX_NO_SERVICE_FIX =
  'Install and start a Secret Service such as GNOME Keyring (Debian/Ubuntu: sudo apt-get install gnome-keyring libsecret-1-0), ' +
  'then use Dropsign from a desktop session, or on a headless machine start one inside a D-Bus session ' +
  '(dbus-run-session, then gnome-keyring-daemon --unlock --components=secrets).';

/** Linux: how to unlock the login keyring. */
const LINUX_LOCKED_FIX =
  'Unlock the login keyring: log in to the desktop (or open "Passwords and Keys"), or on a headless session ' +
  'run: gnome-keyring-daemon --replace --unlock --components=secrets, and type the keyring password.';

function noServiceFix(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Check that the login keychain exists (Keychain Access) and that Dropsign may use it.';
  if (platform === 'win32') return 'Check that the Windows Credential Manager service is running.';
  return LINUX_NO_SERVICE_FIX;
}

function lockedFix(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Unlock the login keychain in Keychain Access (or log in again), then try again.';
  if (platform === 'win32') return 'Log in to Windows with your own account (the credential vault opens with it), then try again.';
  return LINUX_LOCKED_FIX;
}

/** The message of anything thrown, on one line. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a keychain failure means. `undefined` when the message matches no known cause (the caller reports
 * it as a plain keychain failure).
 */
export function classifyKeychainError(error: unknown, platform: NodeJS.Platform = process.platform): KeychainProblem | undefined {
  const message = messageOf(error);
  if (NO_SERVICE.some((pattern) => pattern.test(message))) {
    return {
      kind: 'no-service',
      explanation: 'There is no OS keychain to store the secret in: no Secret Service answers on this session.',
      fix: noServiceFix(platform),
    };
  }
  if (LOCKED.some((pattern) => pattern.test(message))) {
    return {
      kind: 'locked',
      explanation: 'The OS keychain is locked, and Dropsign cannot unlock it from here.',
      fix: lockedFix(platform),
    };
  }
  return undefined;
}

/** The status for a keychain module that could not be loaded at all (libsecret or the native build missing). */
export function moduleUnavailable(error: unknown, platform: NodeJS.Platform = process.platform): KeychainProblem {
  // The loader's message names the missing library (libsecret-1.so.0) or module; it holds no secret.
  const reason = messageOf(error).slice(0, 200);
  return {
    kind: 'no-service',
    explanation: `The keychain module could not be loaded (${reason}), so there is no OS keychain to use.`,
    fix:
      platform === 'linux'
        ? 'Install libsecret (Debian/Ubuntu: sudo apt-get install libsecret-1-0) and reinstall Dropsign so its keychain module is built.'
        : 'Reinstall Dropsign so its keychain module is built for this system.',
  };
}

/** A one-line description of an unclassified keychain failure (libsecret's text, which holds no secret). */
export function describeKeychainFailure(error: unknown): string {
  return messageOf(error).slice(0, 300);
}
