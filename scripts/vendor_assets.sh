#!/usr/bin/env bash
# Copy the pinned front-end packages from node_modules into static/vendor (served by WhiteNoise).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=static/vendor
rm -rf "$dest"
mkdir -p "$dest"/bootstrap "$dest"/bootstrap-icons/fonts "$dest"/htmx "$dest"/chartjs
cp node_modules/bootstrap/dist/css/bootstrap.min.css "$dest"/bootstrap/
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js "$dest"/bootstrap/
cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css "$dest"/bootstrap-icons/
cp node_modules/bootstrap-icons/font/fonts/bootstrap-icons.woff2 node_modules/bootstrap-icons/font/fonts/bootstrap-icons.woff "$dest"/bootstrap-icons/fonts/
cp node_modules/htmx.org/dist/htmx.min.js "$dest"/htmx/
cp node_modules/chart.js/dist/chart.umd.min.js "$dest"/chartjs/ 2>/dev/null || cp node_modules/chart.js/dist/chart.umd.js "$dest"/chartjs/chart.umd.min.js
