#!/usr/bin/env bash
# Installs R with spdep and sf (hotspot parity and bench) and sandwich, lmtest, MatchIt (evaluation parity).
# Idempotent: does nothing when R can already load spdep. CI calls this before `npm test`.
set -euo pipefail

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressPackageStartupMessages({library(spdep); library(sandwich); library(lmtest); library(MatchIt)})' >/dev/null 2>&1; then
  echo "R and spdep already installed: $(Rscript -e 'cat(as.character(packageVersion("spdep")))' 2>/dev/null)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends r-base-core r-cran-spdep r-cran-sf r-cran-sandwich r-cran-lmtest r-cran-matchit

Rscript -e 'suppressPackageStartupMessages({library(spdep); library(sandwich); library(lmtest); library(MatchIt)}); cat("spdep", as.character(packageVersion("spdep")), "MatchIt", as.character(packageVersion("MatchIt")), "\n")'
