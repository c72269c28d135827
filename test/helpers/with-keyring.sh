#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring Secret Service, so
# keychain tests use a real keychain without touching the user's. Falls back to running the command as it
# is (with DROPSIGN_KEYRING=absent) where dbus-run-session or gnome-keyring are not installed.
set -euo pipefail

if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: no dbus-run-session/gnome-keyring here; keychain tests will report themselves skipped" >&2
  DROPSIGN_KEYRING=absent exec "$@"
fi

# A fresh HOME each run: a keyring left from another run with another password would stay locked.
KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT
export DROPSIGN_REAL_HOME="${HOME:-}"
export HOME="$KEYRING_HOME" XDG_RUNTIME_DIR="$KEYRING_HOME/run" XDG_DATA_HOME="$KEYRING_HOME/share"
export XDG_CONFIG_HOME="$KEYRING_HOME/config" DROPSIGN_KEYRING=private
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

# dbus-daemon prints "Failed to set fd limit" when not allowed to raise it; harmless, so it is filtered.
dbus-run-session -- bash -c '
  eval "$(printf "dropsign-test" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL
  "$@"' bash "$@" 2> >(grep -v "Failed to set fd limit" >&2)
