#!/usr/bin/env bash
# Debian's Chromium for `npm run test:ui` (playwright-core drives /usr/bin/chromium; it never
# downloads a browser of its own). Nothing to do when it is there; otherwise installs the
# `chromium` package with apt-get, as root (directly, or through sudo when that is available).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
	as_root=()
elif command -v sudo >/dev/null 2>&1; then
	as_root=(sudo)
else
	echo "ensure-chromium: /usr/bin/chromium is missing and installing it needs root (apt-get install chromium)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y chromium
/usr/bin/chromium --version
