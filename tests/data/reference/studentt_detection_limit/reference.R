## studentt_detection_limit: a left-censored (detection-limit) Student t regression, ν estimated.
## R 4.2.x with jsonlite, numDeriv. Run: Rscript reference.R (writes data.csv, then everything from the CSV as read).
suppressPackageStartupMessages({ library(jsonlite); library(numDeriv) })
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)

## simulated data: level = 0.4 + 0.5 dose + 0.6 t_5, values below the limit 0.9 reported as 0.9 and flagged
set.seed(20261202)
n <- 150
dose <- round(runif(n, 0, 3), 3)
level <- round(0.4 + 0.5 * dose + 0.6 * rt(n, df = 5), 4)
limit <- 0.9
below <- as.integer(level < limit)
level[below == 1] <- limit
write.csv(data.frame(dose = dose, level = level, below = below), "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")

## theta = (nu, a, b, scale), natural scale
loglik <- function(th) {
  nu <- th[1]; mu <- th[2] + th[3] * d$dose; s <- th[4]
  z <- (d$level - mu) / s
  sum(ifelse(d$below == 1, pt(z, nu, log.p = TRUE), dt(z, nu, log = TRUE) - log(s)))
}
nll_u <- function(u) -loglik(c(exp(u[1]), u[2], u[3], exp(u[4])))
start <- c(log(5), 0, 0.5, log(1))
fit <- optim(start, nll_u, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
## Newton polish on the unconstrained scale with numDeriv's Richardson derivatives
u <- fit$par
for (k in 1:8) {
  g <- numDeriv::grad(nll_u, u)
  H <- numDeriv::hessian(nll_u, u)
  u <- u - solve(H, g)
}
g_final <- numDeriv::grad(nll_u, u)
theta <- c(exp(u[1]), u[2], u[3], exp(u[4]))
H <- numDeriv::hessian(function(t) -loglik(t), theta)   # observed information, natural scale
se <- sqrt(diag(solve(H)))
ll <- loglik(theta)
names <- c("nu", "a", "b", "scale")
params <- list()
for (j in 1:4) params[[names[j]]] <- list(estimate = theta[j], se = se[j],
                                         ci95_wald = c(theta[j] - Z975 * se[j], theta[j] + Z975 * se[j]))
out <- list(
  case = "studentt_detection_limit",
  set = "simulated",
  description = "Left-censored (detection-limit) Student t regression with the degrees of freedom estimated: 150 simulated measurements, those below the limit 0.9 reported as 0.9 and flagged.",
  model = "level_i ~ StudentT(nu, a + b*dose_i, scale); below_i = 1: left-censored at level_i (the limit), contributes log F(level_i) = pt((level_i - mu_i)/scale, nu, log.p = TRUE).",
  objective = "maximize sum over measured of log dt(z_i, nu)/scale + sum over censored of pt(z_i, nu, log.p = TRUE), z_i = (level_i - a - b*dose_i)/scale.",
  se_method = "se: inverse observed information on the natural scale (nu, a, b, scale), numDeriv::hessian (Richardson) of the negative log-likelihood at the estimate.",
  source = "R optim (BFGS on log nu, a, b, log scale; reltol 1e-15), then 8 Newton steps with numDeriv's gradient and Hessian.",
  data_columns = list(dose = "covariate", level = "measurement, or the limit 0.9 when below it", below = "1 = below the detection limit (left-censored)"),
  censored = sum(d$below),
  parameters = params,
  loglik = ll, aic = -2 * ll + 2 * 4, bic = -2 * ll + log(n) * 4, n = n, k = 4,
  tolerance = list(estimate = 1e-6, se = 1e-4, loglik = 1e-9),
  cross_checks = list(max_abs_gradient_unconstrained = max(abs(g_final)), optim_convergence = fit$convergence)
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
