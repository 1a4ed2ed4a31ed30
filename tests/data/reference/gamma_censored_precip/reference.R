## Censored Gamma(shape, rate) fitted by maximum likelihood to R's datasets::precip with a detection window:
## values above 45 inches recorded only as "> 45" (right-censored at 45), values below 15 only as "< 15"
## (left-censored at 15). R 4.x, packages: jsonlite, numDeriv.
## Run: Rscript reference.R  (writes data.csv, then reads it back, and expected.json)
suppressPackageStartupMessages({
  library(jsonlite)
  library(numDeriv)
})
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)

upper <- 45
lower <- 15
p <- as.numeric(datasets::precip)
df <- data.frame(
  y = pmin(pmax(p, lower), upper),
  right = as.integer(p > upper),
  left = as.integer(p < lower))
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")
y <- d$y; right <- d$right == 1; left <- d$left == 1
exact <- !right & !left

## the log-likelihood in (log shape, log rate) for the optimizer, in (shape, rate) for the Hessian
loglik <- function(shape, rate) {
  sum(dgamma(y[exact], shape = shape, rate = rate, log = TRUE)) +
    sum(pgamma(y[right], shape = shape, rate = rate, lower.tail = FALSE, log.p = TRUE)) +
    sum(pgamma(y[left], shape = shape, rate = rate, lower.tail = TRUE, log.p = TRUE))
}
nll_log <- function(t) -loglik(exp(t[1]), exp(t[2]))
nll <- function(t) -loglik(t[1], t[2])

## start: the uncensored MLE of the recorded values; BFGS, then Nelder-Mead and BFGS again to the tightest tolerance
m <- mean(y); v <- var(y)
t0 <- log(c(m^2 / v, m / v))
o <- optim(t0, nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
o <- optim(o$par, nll_log, method = "Nelder-Mead", control = list(reltol = 1e-16, maxit = 20000))
o <- optim(o$par, nll_log, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
est <- exp(o$par)

## Newton polish on the numDeriv gradient/Hessian in (shape, rate), until the step is below 1e-13 relative
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
  case = "gamma_censored_precip",
  description = paste0("Gamma(shape, rate) fitted by maximum likelihood to R's datasets::precip (70 US cities, inches) ",
                       "recorded in a window: ", sum(right), " values above 45 right-censored at 45, ",
                       sum(left), " below 15 left-censored at 15."),
  model = "y_i ~ Gamma(shape a, rate b) iid; a > 0, b > 0. Pure MLE.",
  objective = paste("maximize sum over exact i of dgamma(y_i, a, b, log = TRUE) + sum over right-censored i of",
                    "pgamma(y_i, a, b, lower.tail = FALSE, log.p = TRUE) + sum over left-censored i of pgamma(y_i, a, b, log.p = TRUE)."),
  se_method = "se = inverse observed information, numDeriv::hessian of the negative log-likelihood in (shape, rate) at the estimate.",
  source = "R optim (BFGS, Nelder-Mead, BFGS in log parameters, reltol 1e-16), then Newton steps on numDeriv's gradient and Hessian.",
  data_columns = list(y = "precipitation, inches; 45 where right-censored, 15 where left-censored",
                      right = "1 = right-censored (true value > 45)", left = "1 = left-censored (true value < 15)"),
  parameters = list(shape = entry(est[1], se[1]), rate = entry(est[2], se[2])),
  loglik = ll, aic = -2 * ll + 4, bic = -2 * ll + 2 * log(n), n = n, k = 2,
  tolerance = list(estimate = 1e-6, se = 1e-4, loglik = 1e-9),
  cross_checks = list(gradient_at_estimate_max_abs = max(abs(g)),
                      optim_vs_newton_max_rel = max(abs(exp(o$par) - est) / est)),
  notes = "The censored terms are the log regularized incomplete gamma functions (R's pgamma, log.p = TRUE); no expected information (censored).")
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
cat(sprintf("shape %.15g (se %.6g)  rate %.15g (se %.6g)  loglik %.15g  |grad| %.2e\n", est[1], se[1], est[2], se[2], ll, max(abs(g))))
