# Funnel-plot control limits for proportions, exact binomial with Spiegelhalter's (2005) interpolation,
# written here with R's own qbinom and pbinom (as PHE's funnel-plot spreadsheets and the Fingertips tools
# compute them), for funnel-limits-parity.test.ts to compare ours with.
# Usage: Rscript funnel-limits.R DIR   (reads DIR/cases.csv: q,n,theta; writes DIR/r-limits.csv: limit)
args <- commandArgs(trailingOnly = TRUE)
cases <- read.csv(file.path(args[1], "cases.csv"))
limit <- mapply(function(q, n, theta) {
  r <- qbinom(q, n, theta)
  at <- pbinom(r, n, theta)
  below <- pbinom(r - 1, n, theta)
  alpha <- if (at > below) (at - q) / (at - below) else 0
  min(1, max(0, (r - alpha) / n))
}, cases$q, cases$n, cases$theta)
write.csv(data.frame(limit = sprintf("%.17g", limit), r = qbinom(cases$q, cases$n, cases$theta)), file.path(args[1], "r-limits.csv"), row.names = FALSE, quote = FALSE)
