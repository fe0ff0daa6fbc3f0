#!/usr/bin/env bash
# One-time setup for a fresh Debian/Ubuntu machine: Chromium (the demo, the tests) and Firefox
# ESR (the Firefox smoke test) from the distribution, then the npm packages. Elsewhere, install
# them yourself and point TOUCHTRAIL_CHROMIUM / TOUCHTRAIL_FIREFOX at them.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
if [ -z "${TOUCHTRAIL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium fonts-dejavu-core)
fi
if [ -z "${TOUCHTRAIL_FIREFOX:-}" ] && ! command -v firefox-esr >/dev/null 2>&1 && ! command -v firefox >/dev/null 2>&1; then
  missing+=(firefox-esr)
fi
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing from the distribution: ${missing[*]}…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
