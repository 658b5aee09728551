# spdep side of the parity tests (spdep-parity.test.ts). Reads the GAL weights and values that the
# test wrote, computes spdep's local statistics and writes them at full precision.
# Usage: Rscript spdep-parity.R DIR NSIM SEED
suppressPackageStartupMessages(library(spdep))
# spdep's permutation functions split areas over forked processes when given cores (CI has two).
set.coresOption(max(1L, min(2L, parallel::detectCores())))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
nsim <- as.integer(args[2])
seed <- as.integer(args[3])

vals <- read.csv(file.path(dir, "values.csv"), colClasses = c("character", "numeric", "numeric", "numeric"))
full <- function(x) sprintf("%.17g", x)
put <- function(name, df) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) full(col) else col)
  write.csv(df, file.path(dir, name), row.names = FALSE, quote = FALSE)
}
gal <- function(name) {
  nb <- read.gal(file.path(dir, name), override.id = TRUE)
  stopifnot(identical(attr(nb, "region.id"), vals$code))
  nb
}

# Analytical statistics on plain queen contiguity (the Isles of Scilly are an island).
nb <- gal("queen.gal")
x <- vals$x
for (style in c("W", "B")) {
  lw <- nb2listw(nb, style = style, zero.policy = TRUE)
  lws <- nb2listw(include.self(nb), style = style, zero.policy = TRUE)
  lm <- localmoran(x, lw, zero.policy = TRUE)
  put(paste0("analytic-", style, ".csv"), data.frame(
    code = vals$code, Ii = lm[, "Ii"], EIi = lm[, "E.Ii"], VarIi = lm[, "Var.Ii"], ZIi = lm[, "Z.Ii"],
    gstar = as.numeric(localG(x, lws, zero.policy = TRUE)), gi = as.numeric(localG(x, lw, zero.policy = TRUE))))
}

# Permutation inference on queen contiguity with the island linked to its nearest area (spdep's
# localmoran_bv refuses areas without neighbours).
nbf <- gal("queen-fallback.gal")
lwf <- nb2listw(nbf, style = "W")
t_lisa <- system.time(lmp <- localmoran_perm(x, lwf, nsim = nsim, iseed = seed))[["elapsed"]]
t_gstar <- system.time(gp <- localG_perm(x, nb2listw(include.self(nbf), style = "W"), nsim = nsim, iseed = seed))[["elapsed"]]
t_bv <- system.time(bv <- localmoran_bv(vals$bx, vals$by, lwf, nsim = nsim, iseed = seed))[["elapsed"]]
gi <- attr(gp, "internals")
put("perm.csv", data.frame(
  code = vals$code, Ii = lmp[, "Ii"], p_lisa = lmp[, "Pr(folded) Sim"],
  G = gi[, "Gi"], p_gstar = gi[, "Pr(folded) Sim"], Ibv = bv[, "Ibvi"], p_bv = bv[, "Pr(folded) Sim"]))
writeLines(sprintf('{"spdep": "%s", "localmoran_perm": %.3f, "localG_perm": %.3f, "localmoran_bv": %.3f}',
  as.character(packageVersion("spdep")), t_lisa, t_gstar, t_bv), file.path(dir, "timing.json"))
