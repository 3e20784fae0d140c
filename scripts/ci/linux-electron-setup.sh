#!/usr/bin/env bash
# Prepares an Ubuntu or Debian machine to run the Electron suite headless (the step of
# .github/workflows/linux-electron.yml; by hand the same way, after `npm ci`):
#   1. apt: xvfb (xvfb-run, the X server the window draws on), the shared libraries Electron's
#      binary links against, dbus + gnome-keyring for scripts/with-keyring.sh, and oathtool, the
#      real authenticator test/electron/authenticator.ts prefers to our own TOTP code;
#   2. Electron's chrome-sandbox made setuid root: Ubuntu 24.04 forbids unprivileged user
#      namespaces through AppArmor, and with neither Electron aborts at start ("The SUID sandbox
#      helper binary was found, but is not configured correctly");
#   3. ldd on Electron's binary: any library still missing is named and the script fails.
# Package names differ between releases (Ubuntu 24.04 renamed libraries in its 64-bit time_t
# transition: libasound2 -> libasound2t64), so an entry lists alternatives and the first one apt
# knows is installed.
#
#   bash scripts/ci/linux-electron-setup.sh           # install and fix the sandbox (sudo if not root)
#   bash scripts/ci/linux-electron-setup.sh --print   # only print the packages it would install
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGES=(
  xvfb xauth
  libnss3 libgbm1 libdrm2 libxkbcommon0 libxss1 libxtst6 libnotify4 libsecret-1-0
  "libgtk-3-0t64|libgtk-3-0"
  "libasound2t64|libasound2"
  "libatk-bridge2.0-0t64|libatk-bridge2.0-0"
  "libatspi2.0-0t64|libatspi2.0-0"
  "libcups2t64|libcups2"
  dbus gnome-keyring oathtool
)

print_only=0
case "${1:-}" in
  --print) print_only=1 ;;
  '') ;;
  *)
    echo "usage: bash scripts/ci/linux-electron-setup.sh [--print]" >&2
    exit 2
    ;;
esac

sudo=()
if [ "$print_only" = 0 ] && [ "$(id -u)" != 0 ]; then sudo=(sudo); fi

if [ "$print_only" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
fi

# The first of "a|b|c" that apt can install (a purely virtual name is not installable).
pick() {
  local alt alts
  IFS='|' read -r -a alts <<<"$1"
  for alt in "${alts[@]}"; do
    if apt-cache show --no-all-versions "$alt" >/dev/null 2>&1; then
      echo "$alt"
      return 0
    fi
  done
  return 1
}

chosen=()
unknown=()
for entry in "${PACKAGES[@]}"; do
  if name=$(pick "$entry"); then chosen+=("$name"); else unknown+=("$entry"); fi
done
if [ ${#unknown[@]} -gt 0 ]; then
  echo "apt knows none of: ${unknown[*]} (run apt-get update?)" >&2
  exit 1
fi

if [ "$print_only" = 1 ]; then
  printf '%s\n' "${chosen[@]}"
  exit 0
fi

echo "== apt-get install ${chosen[*]}"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${chosen[@]}" </dev/null

electron_dir=node_modules/electron/dist
if [ ! -x "$electron_dir/electron" ]; then
  echo "no Electron binary in $electron_dir: run npm ci (without ELECTRON_SKIP_BINARY_DOWNLOAD) first" >&2
  exit 1
fi

echo "== chrome-sandbox: owned by root, setuid"
"${sudo[@]}" chown root:root "$electron_dir/chrome-sandbox"
"${sudo[@]}" chmod 4755 "$electron_dir/chrome-sandbox"

echo "== libraries of $electron_dir/electron"
missing=$(ldd "$electron_dir/electron" | awk '/not found/ {print $1}')
if [ -n "$missing" ]; then
  echo "missing libraries: $missing" >&2
  exit 1
fi
echo "all libraries found"
