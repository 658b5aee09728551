# R's Benjamini-Hochberg adjustment of OUR pseudo p-values (spdep-parity.test.ts): the test compares
# our FDR-adjusted values and significance decisions with these, on exactly the same p-values.
# Usage: Rscript p-adjust.R DIR   (reads DIR/ours-p.csv: code and one p column per statistic)
args <- commandArgs(trailingOnly = TRUE)
p <- read.csv(file.path(args[1], "ours-p.csv"), colClasses = "character")
out <- data.frame(code = p$code)
for (col in setdiff(names(p), "code")) out[[col]] <- sprintf("%.17g", p.adjust(as.numeric(p[[col]]), method = "BH"))
write.csv(out, file.path(args[1], "bh.csv"), row.names = FALSE, quote = FALSE)
