# R's pbeta (TOMS 708, Didonato & Morris; independent of the continued fraction MleGen uses) in both tails, in the
# log, at the points of reference.csv: pbeta.csv, for IncompleteBetaTests.AgreesWithRsPbetaInBothTails.
# Regenerate after reference.py: Rscript reference.R
points <- read.csv("reference.csv")
out <- data.frame(
  a = points$a, b = points$b, x = points$x,
  logp = pbeta(points$x, points$a, points$b, lower.tail = TRUE, log.p = TRUE),
  logq = pbeta(points$x, points$a, points$b, lower.tail = FALSE, log.p = TRUE))
write.csv(format(out, digits = 17, scientific = TRUE), "pbeta.csv", row.names = FALSE, quote = FALSE)
