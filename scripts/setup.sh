#!/usr/bin/env bash
# One-time setup for a fresh Debian/Ubuntu machine: Chromium (the demo, the tests), Firefox
# ESR (the Firefox smoke test), Bootstrap's example pages (the real-world page corpus), and
# poppler-utils and LibreOffice Impress (the tools that judge the PDF and slide-deck readouts)
# from the distribution, then the npm packages. Elsewhere, install them yourself and point
# TOUCHTRAIL_CHROMIUM / TOUCHTRAIL_FIREFOX / TOUCHTRAIL_BOOTSTRAP_EXAMPLES / TOUCHTRAIL_POPPLER /
# TOUCHTRAIL_SOFFICE at them.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
if [ -z "${TOUCHTRAIL_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium fonts-dejavu-core)
fi
if [ -z "${TOUCHTRAIL_FIREFOX:-}" ] && ! command -v firefox-esr >/dev/null 2>&1 && ! command -v firefox >/dev/null 2>&1; then
  missing+=(firefox-esr)
fi
if [ -z "${TOUCHTRAIL_BOOTSTRAP_EXAMPLES:-}" ] && [ ! -d /usr/share/doc/libjs-bootstrap5/examples ]; then
  missing+=(libjs-bootstrap5-doc)
fi
if [ -z "${TOUCHTRAIL_POPPLER:-}" ] && ! command -v pdfinfo >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
if [ -z "${TOUCHTRAIL_SOFFICE:-}" ] && ! command -v soffice >/dev/null 2>&1; then
  # Without recommends LibreOffice brings no font: DejaVu lays out the slides it converts.
  missing+=(libreoffice-impress fonts-dejavu-core)
fi
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing from the distribution: ${missing[*]}…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
unpacked=.cache/libjs-bootstrap5-doc
if [ -z "${TOUCHTRAIL_BOOTSTRAP_EXAMPLES:-}" ] && [ ! -d /usr/share/doc/libjs-bootstrap5/examples ] \
  && [ ! -d "$unpacked/usr/share/doc/libjs-bootstrap5/examples" ] && command -v apt-get >/dev/null 2>&1; then
  # Minimal images tell dpkg to skip /usr/share/doc (path-exclude in /etc/dpkg/dpkg.cfg.d): the
  # package is unpacked into the project instead, where the corpus server looks next.
  echo "Unpacking libjs-bootstrap5-doc into $unpacked (dpkg skipped /usr/share/doc)…"
  download=$(mktemp -d)
  (cd "$download" && apt-get download -qq libjs-bootstrap5-doc)
  mkdir -p "$unpacked"
  dpkg-deb -x "$download"/libjs-bootstrap5-doc_*.deb "$unpacked"
  rm -rf "$download"
fi
npm ci --no-audit --no-fund
