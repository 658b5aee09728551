#!/usr/bin/env bash
# Runs every vitest project. Node-only suites (unit, SQL, pipeline, R parity) run two files at a time;
# the end-to-end files run one at a time afterwards, with the machine to themselves, because Chromium's
# software WebGL needs the cores. Both halves always run; the exit code fails if either failed.
set -u
npx vitest run --project unit --project parity --maxWorkers=2
node_status=$?
npx vitest run --project e2e
e2e_status=$?
[ "$node_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
