# R's pt on the (nu, z) grid of reference.csv, for StudentTLogCdfTests' second opinion (R 4.2.2, Rmath's pt through
# TOMS 708 pbeta). R switches to a normal approximation above nu = 4e5 (pt.c), so the test compares only nu <= 4e5.
# Regenerate (after reference.csv): Rscript reference_r.R
grid <- read.csv("reference.csv")
g17 <- function(x) sprintf("%.17g", x)
lines <- paste(g17(grid$nu), g17(grid$z), g17(pt(grid$z, grid$nu, log.p = TRUE)),
               g17(pt(grid$z, grid$nu, lower.tail = FALSE, log.p = TRUE)), sep = ",")
writeLines(c("nu,z,logF,logS", lines), "r_pt.csv")
