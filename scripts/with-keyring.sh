#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked Secret Service keychain
# (gnome-keyring), as the OS keychain tests need on Linux. Elsewhere (or when already inside a
# session with a keyring) it runs the command as it is.
set -euo pipefail
# Windows (Git Bash) and macOS: the OS keychain needs no session of its own.
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN* | Darwin) exec "$@" ;; esac
if [ "${CCMS_IN_KEYRING_SESSION:-}" = 1 ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
export CCMS_IN_KEYRING_SESSION=1
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # A throwaway keyring: its password only unlocks this private, temporary session.
  export HOME_KEYRING_DIR="$(mktemp -d)"
  export XDG_DATA_HOME="$HOME_KEYRING_DIR"
  eval "$(printf "ccms-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
  "$@"
' bash "$@"
