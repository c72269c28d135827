#!/usr/bin/env bash
# Makes sure the system packages Dropsign needs are present, so nobody meets a raw node-gyp error.
#   (no flag)          what building and running needs: the keychain module (keytar) compiles against
#                      libsecret on Linux, with a C++ toolchain and Python for node-gyp.
#   --with-test-tools  also what the tests need: a private Secret Service (gnome-keyring, dbus), Debian's
#                      Chromium for browser tests, Xvfb, curl.
# On Debian/Ubuntu it installs what is missing (as root, or with passwordless sudo); otherwise it names
# exactly what to install and exits 1.
set -euo pipefail

build_pkgs=(libsecret-1-dev pkgconf g++ make python3)
test_pkgs=(gnome-keyring dbus-daemon dbus-x11 chromium xvfb xauth curl)
want=("${build_pkgs[@]}")
[ "${1:-}" = "--with-test-tools" ] && want+=("${test_pkgs[@]}")

case "$(uname -s)" in
  Darwin) exit 0 ;;  # keytar uses the macOS Keychain; Xcode's command line tools provide the compiler.
  Linux) ;;
  *) echo "Unsupported OS $(uname -s) for this script; see README 'Requirements'." >&2; exit 1 ;;
esac

if ! command -v dpkg-query >/dev/null; then
  if command -v pkg-config >/dev/null && pkg-config --exists libsecret-1 && command -v g++ >/dev/null; then exit 0; fi
  echo "Dropsign needs libsecret's headers and a C++ toolchain to build its keychain module." >&2
  echo "  Fedora:  sudo dnf install libsecret-devel gcc-c++ make python3" >&2
  echo "  Arch:    sudo pacman -S libsecret base-devel python" >&2
  exit 1
fi

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "Dropsign needs these system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  echo "then run the same command again." >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
