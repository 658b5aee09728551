# R side of the evaluation parity test (evaluation-parity.test.ts): MatchIt's nearest-neighbour
# matching and balance, lm with sandwich::vcovCL clustered errors, and t / F quantiles, on the files
# the test wrote. Everything is written at full precision for the test to compare.
# Usage: Rscript evaluation-parity.R DIR
suppressPackageStartupMessages({ library(MatchIt); library(sandwich); library(lmtest) })
dir <- commandArgs(trailingOnly = TRUE)[1]
full <- function(x) if (is.numeric(x)) sprintf("%.17g", x) else x
put <- function(name, df) {
  df[] <- lapply(df, full)
  write.csv(df, file.path(dir, name), row.names = FALSE, quote = FALSE)
}
cases <- read.csv(file.path(dir, "cases.csv"), colClasses = "character")

# ---- difference-in-differences, event study, 2x2 ---------------------------------------------
for (name in cases$name[cases$kind == "did"]) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")), colClasses = c(area = "character"))
  spec <- cases[cases$name == name, ]
  pre <- as.integer(strsplit(spec$pre, " ")[[1]]); post <- as.integer(strsplit(spec$post, " ")[[1]])
  ref <- max(pre)
  G <- length(unique(d$area))
  nested <- function(fit) {
    n <- nobs(fit); kn <- fit$rank - (G - 1)
    vcovCL(fit, cluster = ~area, type = "HC0", cadjust = TRUE) * (n - 1) / (n - kn)
  }
  # two-way FE on the baseline and follow-up periods
  dw <- d[d$period %in% c(pre, post), ]
  dw$tp <- as.numeric(dw$treated == 1 & dw$period %in% post)
  fit <- lm(y ~ tp + factor(area) + factor(period), data = dw, weights = w)
  V1 <- vcovCL(fit, cluster = ~area, type = "HC1")
  Vn <- nested(fit)
  b <- coef(fit)[["tp"]]; se <- sqrt(Vn["tp", "tp"])
  out <- data.frame(stat = c("coef", "se_lm", "se", "lower", "upper", "n", "k", "G", "coeftest_se"),
    value = c(b, sqrt(V1["tp", "tp"]), se, b - qt(0.975, G - 1) * se, b + qt(0.975, G - 1) * se, nobs(fit), fit$rank, G,
      coeftest(fit, vcov. = V1)["tp", "Std. Error"]))
  # the 2x2 on window means: the two-period regression, and the regression of the change on the group
  areas <- unique(dw$area)
  m <- do.call(rbind, lapply(areas, function(a) {
    x <- dw[dw$area == a, ]
    data.frame(area = a, treated = x$treated[1], w = x$w[1], pre = mean(x$y[x$period %in% pre]), post = mean(x$y[x$period %in% post]))
  }))
  two <- rbind(data.frame(area = m$area, period = 0, y = m$pre, tp = 0, w = m$w), data.frame(area = m$area, period = 1, y = m$post, tp = m$treated, w = m$w))
  fit2 <- lm(y ~ tp + factor(area) + factor(period), data = two, weights = w)
  m$delta <- m$post - m$pre
  fitd <- lm(delta ~ treated, data = m, weights = w)
  sed <- sqrt(vcovHC(fitd, type = "HC1")["treated", "treated"])
  out <- rbind(out, data.frame(stat = c("did2_twoperiod", "did2_coef", "did2_se", "did2_lower", "did2_upper"),
    value = c(coef(fit2)[["tp"]], coef(fitd)[["treated"]], sed, coef(fitd)[["treated"]] + qt(c(0.025, 0.975), fitd$df.residual) * sed)))
  # event study over every period of the span, reference = last baseline period
  terms <- setdiff(sort(unique(d$period)), ref)
  for (k in terms) d[[paste0("e", k)]] <- as.numeric(d$treated == 1 & d$period == k)
  fe <- lm(as.formula(paste("y ~", paste0("e", terms, collapse = " + "), "+ factor(area) + factor(period)")), data = d, weights = w)
  Ve <- nested(fe)
  es <- data.frame(period = terms, coef = coef(fe)[paste0("e", terms)], se = sqrt(diag(Ve)[paste0("e", terms)]))
  if (length(setdiff(pre, ref))) {
    pt <- paste0("e", setdiff(pre, ref))
    bp <- coef(fe)[pt]
    Fs <- as.numeric(t(bp) %*% solve(Ve[pt, pt]) %*% bp) / length(pt)
    out <- rbind(out, data.frame(stat = c("pretrend_f", "pretrend_p"), value = c(Fs, pf(Fs, length(pt), G - 1, lower.tail = FALSE))))
  }
  put(paste0(name, "-r.csv"), out)
  put(paste0(name, "-r-es.csv"), es)
}

# ---- matching and balance -----------------------------------------------------------------------
for (name in cases$name[cases$kind == "match"]) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")), colClasses = c(area = "character", region = "character"))
  rownames(d) <- d$area
  spec <- cases[cases$name == name, ]
  covs <- strsplit(spec$covs, " ")[[1]]
  args <- list(formula = reformulate(covs, "treated"), data = d, method = "nearest", distance = spec$distance,
    replace = spec$replace == "TRUE", ratio = as.integer(spec$ratio))
  if (spec$caliper != "") args$caliper <- setNames(rep(as.numeric(spec$caliper), length(covs)), covs)
  if (spec$exact == "TRUE") args$exact <- ~region
  m <- suppressWarnings(do.call(matchit, args))
  mm <- m$match.matrix
  pairs <- data.frame(treated = rownames(mm), matched = apply(mm, 1, function(r) paste(r[!is.na(r)], collapse = " ")))
  put(paste0(name, "-r-pairs.csv"), pairs)
  put(paste0(name, "-r-weights.csv"), data.frame(area = names(m$weights), weight = unname(m$weights)))
  s <- summary(m)
  bal <- function(tab, when) data.frame(covariate = rownames(tab), when = when, treated_mean = tab[, "Means Treated"],
    comparison_mean = tab[, "Means Control"], smd = tab[, "Std. Mean Diff."], variance_ratio = tab[, "Var. Ratio"])
  put(paste0(name, "-r-balance.csv"), rbind(bal(s$sum.all, "before"), bal(s$sum.matched, "after")))
}

# ---- t and F ---------------------------------------------------------------------------------------
g <- expand.grid(p = c(0.6, 0.9, 0.975, 0.995), df = c(1.5, 3, 7, 19, 59, 300))
g$qt <- qt(g$p, g$df)
g$pf <- pf(g$qt^2 + 0.5, 3, g$df, lower.tail = FALSE)
put("distributions-r.csv", g)
