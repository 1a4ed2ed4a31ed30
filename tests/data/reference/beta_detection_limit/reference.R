## Censored Beta(alpha, beta) fitted by maximum likelihood to R's datasets::swiss$Education / 100 (the share of
## draftees with education beyond primary school, 47 Swiss provinces, 1888) recorded with a detection limit: shares
## below 5% recorded only as "< 5%" (left-censored at 0.05). R 4.x, packages: jsonlite, numDeriv.
## Run: Rscript reference.R  (writes data.csv, then reads it back, and expected.json)
suppressPackageStartupMessages({
  library(jsonlite)
  library(numDeriv)
})
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)

limit <- 0.05
p <- datasets::swiss$Education / 100
df <- data.frame(y = pmax(p, limit), left = as.integer(p < limit))
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")
y <- d$y; left <- d$left == 1

## the log-likelihood in (log alpha, log beta) for the optimizer, in (alpha, beta) for the Hessian
loglik <- function(a, b) {
  sum(dbeta(y[!left], a, b, log = TRUE)) + sum(pbeta(y[left], a, b, lower.tail = TRUE, log.p = TRUE))
}
nll_log <- function(t) -loglik(exp(t[1]), exp(t[2]))
nll <- function(t) -loglik(t[1], t[2])

## start: the method-of-moments values of the recorded shares; BFGS, then Nelder-Mead and BFGS again
m <- mean(y); v <- var(y)
k <- m * (1 - m) / v - 1
t0 <- log(c(m * k, (1 - m) * k))
o <- optim(t0, nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
o <- optim(o$par, nll_log, method = "Nelder-Mead", control = list(reltol = 1e-16, maxit = 20000))
o <- optim(o$par, nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
est <- exp(o$par)

## Newton polish on the numDeriv gradient/Hessian in (alpha, beta), until the step is below 1e-13 relative
for (k in 1:20) {
  g <- numDeriv::grad(nll, est)
  H <- numDeriv::hessian(nll, est)
  step <- solve(H, g)
  est <- est - step
  if (max(abs(step / est)) < 1e-13) break
}
g <- numDeriv::grad(nll, est)
H <- numDeriv::hessian(nll, est)
cov <- solve(H)
se <- sqrt(diag(cov))
ll <- loglik(est[1], est[2])
n <- nrow(d)

entry <- function(e, s) list(estimate = e, se = s, ci95_wald = c(e - Z975 * s, e + Z975 * s), se_observed = s)
out <- list(
  case = "beta_detection_limit",
  description = paste0("Beta(alpha, beta) fitted by maximum likelihood to R's datasets::swiss$Education / 100 (47 provinces) ",
                       "with a detection limit: ", sum(left), " shares below 0.05 left-censored at 0.05."),
  model = "y_i ~ Beta(alpha, beta) iid; alpha > 0, beta > 0. Pure MLE.",
  objective = paste("maximize sum over exact i of dbeta(y_i, alpha, beta, log = TRUE) + sum over left-censored i of",
                    "pbeta(0.05, alpha, beta, log.p = TRUE)."),
  se_method = "se = inverse observed information, numDeriv::hessian of the negative log-likelihood in (alpha, beta) at the estimate.",
  source = "R optim (BFGS, Nelder-Mead, BFGS in log parameters, reltol 1e-16), then Newton steps on numDeriv's gradient and Hessian.",
  data_columns = list(y = "share of draftees with education beyond primary school; 0.05 where left-censored",
                      left = "1 = left-censored (true share < 0.05)"),
  parameters = list(alpha = entry(est[1], se[1]), beta = entry(est[2], se[2])),
  loglik = ll, aic = -2 * ll + 4, bic = -2 * ll + 2 * log(n), n = n, k = 2,
  tolerance = list(estimate = 1e-6, se = 1e-4, loglik = 1e-9),
  cross_checks = list(gradient_at_estimate_max_abs = max(abs(g)),
                      optim_vs_newton_max_rel = max(abs(exp(o$par) - est) / est)),
  notes = "The censored terms are the log regularized incomplete beta (R's pbeta, log.p = TRUE; TOMS 708); no expected information (censored).")
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
cat(sprintf("alpha %.15g (se %.6g)  beta %.15g (se %.6g)  loglik %.15g  |grad| %.2e\n", est[1], se[1], est[2], se[2], ll, max(abs(g))))
