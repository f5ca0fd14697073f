#!/usr/bin/env bash
# The package App Service runs (WEBSITE_RUN_FROM_PACKAGE): the built service and tab (dist/, from
# `npm run build`) with production dependencies only, in build/app. Used by `atk deploy`
# (m365agents.yml) and .github/workflows/deploy.yml; run it on Linux with Node 20, as App Service
# runs it, so better-sqlite3's native module fits.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/bot/src/main.js ] && [ -f dist/tab/index.html ] || { echo "run npm run build first" >&2; exit 1; }
rm -rf build/app
mkdir -p build/app
cp -r package.json package-lock.json dist build/app/
(cd build/app && npm ci --omit=dev --no-audit --no-fund)
echo "build/app is ready ($(du -sh build/app | cut -f1))"
