#!/usr/bin/env bash
# A private build for parallel work: its own data and dist folders, so e2e runs do not disturb (or get
# disturbed by) someone else rebuilding public/data or dist/. Usage: scripts/dev/private-build.sh NAME [--data]
# Then: HOTSPOT_DIST_DIR=/tmp/NAME/dist HOTSPOT_DATA_DIR=/tmp/NAME/data npx vitest run --project e2e test/e2e/FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
name=${1:?name}
dir=/tmp/$name
if [ "${2:-}" = "--data" ] || [ ! -f "$dir/data/manifest.json" ]; then
  npx tsx scripts/build-data.ts --raw "${HOTSPOT_RAW_DIR:-../shared/data/raw}" --out "$dir/data"
fi
npx vite build --outDir "$dir/dist" --emptyOutDir --logLevel warn
rm -rf "$dir/dist/data"
cp -r "$dir/data" "$dir/dist/data"
echo "built $dir/dist (data from $dir/data)"
