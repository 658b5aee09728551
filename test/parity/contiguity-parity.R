# spdep side of the contiguity parity test (contiguity-parity.test.ts): poly2nb queen and rook on the
# raw boundary files the pipeline read, for LSOA 2021 and 2011 and for every coarser 2021 level (its
# LSOA 2021 polygons unioned with GEOS by the pipeline's LSOA -> area lookup). Writes one CSV of
# neighbour pairs (a < b, by area code) per level and rule; rook pairs also carry how many distinct
# points the two areas share and how many coordinate matches poly2nb counted (its rook rule is
# "more than one"), so a difference can be explained pair by pair.
# Usage: Rscript contiguity-parity.R OUTDIR LSOA21.geojson[.gz] LSOA11.geojson[.gz] GROUPS.csv
suppressPackageStartupMessages({ library(sf); library(spdep) })
# Planar GEOS for the unions (s2 would move vertices through its own cell coordinates) and for
# poly2nb's candidate search (bounding boxes widened by snap); the decision is poly2nb's own vertex
# test either way (default snap = sqrt(.Machine$double.eps)). The CRS is dropped so that sf does
# not warn, for every call, that it treats degrees as planar.
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]

read_polys <- function(path, keys) {
  src <- if (grepl("\\.gz$", path)) paste0("/vsigzip/", path) else path
  g <- st_read(src, quiet = TRUE)
  key <- intersect(keys, names(g))[1]
  if (is.na(key)) stop(path, ": no column named ", paste(keys, collapse = " or "))
  st_sf(code = g[[key]], geometry = st_set_crs(st_geometry(g), NA))
}

# The coordinates poly2nb compares, as it builds them: all rings of a feature, minus its first row.
poly2nb_points <- function(polys) {
  xy <- as.data.frame(st_coordinates(polys))
  lapply(unname(split(xy[, 1:2], xy[, length(xy)])), function(p) sprintf("%.17g %.17g", p[-1, 1], p[-1, 2]))
}

write_pairs <- function(nb, codes, file, points = NULL) {
  a <- rep(seq_along(nb), card(nb))
  b <- unlist(lapply(nb, function(v) v[v > 0]))
  keep <- codes[a] < codes[b]
  df <- data.frame(a = codes[a[keep]], b = codes[b[keep]])
  if (!is.null(points)) {
    shared <- mapply(function(i, j) intersect(points[[i]], points[[j]]), a[keep], b[keep], SIMPLIFY = FALSE)
    df$distinct <- lengths(shared)
    df$counted <- mapply(function(i, j, s) sum(sapply(s, function(k) sum(points[[i]] == k) * sum(points[[j]] == k))), a[keep], b[keep], shared)
  }
  write.csv(df, file.path(out, file), row.names = FALSE, quote = FALSE)
}

both_rules <- function(polys, level) {
  t <- system.time({
    write_pairs(poly2nb(polys, row.names = polys$code, queen = TRUE), polys$code, paste0(level, "-queen.csv"))
    write_pairs(poly2nb(polys, row.names = polys$code, queen = FALSE), polys$code, paste0(level, "-rook.csv"), poly2nb_points(polys))
  })[["elapsed"]]
  cat(sprintf("%s: %d areas, poly2nb queen + rook %.1f s\n", level, nrow(polys), t))
}

lsoa21 <- read_polys(args[2], c("lsoa21_code", "LSOA21CD"))
both_rules(lsoa21, "lsoa21")
both_rules(read_polys(args[3], c("LSOA11CD", "lsoa11_code")), "lsoa11")

groups <- read.csv(args[4], colClasses = "character")
stopifnot(setequal(groups$code, lsoa21$code))
lsoa21 <- lsoa21[match(groups$code, lsoa21$code), ]
for (level in setdiff(names(groups), "code")) {
  t <- system.time({
    parts <- split(st_geometry(lsoa21), groups[[level]])
    # Cast as poly2nb itself does for mixed collections, so poly2nb_points sees the same coordinates.
    unioned <- st_cast(st_sfc(lapply(parts, function(g) st_union(g)[[1]])), "MULTIPOLYGON")
  })[["elapsed"]]
  cat(sprintf("%s: unioned %d areas in %.1f s\n", level, length(parts), t))
  both_rules(st_sf(code = names(parts), geometry = unioned), level)
}
