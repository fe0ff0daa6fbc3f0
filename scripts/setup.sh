#!/usr/bin/env bash
# One-time setup for a fresh Debian/Ubuntu machine: Chromium for the demo and the tests, then
# the npm packages. Elsewhere, install Chromium yourself and point TOUCHTRAIL_CHROMIUM at it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TOUCHTRAIL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi
npm ci --no-audit --no-fund
