# Spiegelhalter (2005) additive random-effects funnel limits for proportions, written here from the
# paper's formulas (no package), for funnel-overdispersion-parity.test.ts to compare ours with.
# Usage: Rscript funnel-overdispersion.R DIR  (reads DIR/units.csv: k,n and DIR/theta.txt;
# writes DIR/r-od.csv: phi,tau2 and DIR/r-od-units.csv: lower95,upper95,lower998,upper998,position)
args <- commandArgs(trailingOnly = TRUE)
u <- read.csv(file.path(args[1], "units.csv"))
theta <- as.numeric(readLines(file.path(args[1], "theta.txt")))
u <- u[u$n > 0, ]
s2 <- theta * (1 - theta) / u$n
z <- (u$k / u$n - theta) / sqrt(s2)
I <- length(z)
k <- floor(0.1 * I)
zs <- sort(z)
zw <- pmin(pmax(z, zs[k + 1]), zs[I - k])
phi <- sum(zw^2) / I
w <- 1 / s2
tau2 <- max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w)))
sd <- sqrt(s2 + tau2)
clip <- function(x) pmin(1, pmax(0, x))
lim <- data.frame(lower95 = clip(theta - qnorm(0.975) * sd), upper95 = clip(theta + qnorm(0.975) * sd),
                  lower998 = clip(theta - qnorm(0.999) * sd), upper998 = clip(theta + qnorm(0.999) * sd))
p <- u$k / u$n
lim$position <- ifelse(p > lim$upper998, 2, ifelse(p > lim$upper95, 1, ifelse(p < lim$lower998, -2, ifelse(p < lim$lower95, -1, 0))))
write.csv(data.frame(phi = sprintf("%.17g", phi), tau2 = sprintf("%.17g", tau2)), file.path(args[1], "r-od.csv"), row.names = FALSE, quote = FALSE)
out <- lim
for (c in 1:4) out[[c]] <- sprintf("%.17g", out[[c]])
write.csv(out, file.path(args[1], "r-od-units.csv"), row.names = FALSE, quote = FALSE)
