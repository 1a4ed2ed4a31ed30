# R's pgamma (log.p = TRUE, lower and upper) at the points of reference.csv, as a second, independent check of the
# mpmath values (R uses Temme's and Loader's methods, not the series/continued fraction MleGen uses).
# Run after reference.py:  Rscript reference.R  (writes pgamma.csv)
grid <- read.csv("reference.csv")
out <- data.frame(
  a = grid$a, x = grid$x,
  logp = pgamma(grid$x, shape = grid$a, rate = 1, lower.tail = TRUE, log.p = TRUE),
  logq = pgamma(grid$x, shape = grid$a, rate = 1, lower.tail = FALSE, log.p = TRUE))
write.csv(format(out, digits = 17), "pgamma.csv", row.names = FALSE, quote = FALSE)
