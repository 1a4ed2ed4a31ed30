## Gumbel (maximum) location-scale fit: the reference for MleGen's Gumbel family (GumbelTests).
## R 4.2.x, base R + jsonlite only. Run from this folder: Rscript reference.R
suppressPackageStartupMessages(library(jsonlite))
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)
EULER <- -digamma(1)  # Euler-Mascheroni gamma

## Data: 150 draws by inversion, y = mu - sigma * log(-log(u)), mu = 10, sigma = 2.5, rounded to 6 decimals and
## written, then read back (the fit uses exactly the numbers in data.csv).
set.seed(20261202)
y <- round(10 - 2.5 * log(-log(runif(150))), 6)
write.csv(data.frame(y = y), "data.csv", row.names = FALSE)
y <- read.csv("data.csv")$y
n <- length(y)

## log f = -log s - z - exp(-z), z = (y - m)/s  (evd::dgumbel, ordinal::dgumbel(max = TRUE))
loglik <- function(t) { z <- (y - t[1]) / t[2]; sum(-log(t[2]) - z - exp(-z)) }
score <- function(t) {
  m <- t[1]; s <- t[2]; z <- (y - m) / s; e <- exp(-z)
  c(sum((1 - e) / s), sum((-1 + z - z * e) / s))
}
## exact observed information (minus the Hessian of the log-likelihood)
observed <- function(t) {
  m <- t[1]; s <- t[2]; z <- (y - m) / s; e <- exp(-z)
  hmm <- sum(-e) / s^2
  hms <- sum(-(1 - e) - z * e) / s^2
  hss <- sum(1 - 2 * z + 2 * z * e - z^2 * e) / s^2
  -matrix(c(hmm, hms, hms, hss), 2)
}
## expected information n/s^2 [[1, -(1-g)], [-(1-g), (1-g)^2 + pi^2/6]]
expected <- function(t) n / t[2]^2 * matrix(c(1, -(1 - EULER), -(1 - EULER), (1 - EULER)^2 + pi^2 / 6), 2)

## Start at the moment estimates, BFGS, then Newton on the exact Hessian to the last digit.
s0 <- sd(y) * sqrt(6) / pi
fit <- optim(c(mean(y) - EULER * s0, s0), function(t) -loglik(t), function(t) -score(t), method = "BFGS",
             control = list(reltol = 1e-15, maxit = 1000))
theta <- fit$par
for (k in 1:20) theta <- theta + solve(observed(theta), score(theta))
stopifnot(max(abs(score(theta))) < 1e-9)

## Cross-checks: the analytic Hessian against differences of the score; the expected information by quadrature.
num_hess <- optimHess(theta, function(t) -loglik(t), function(t) -score(t))
check_hessian <- max(abs(num_hess - observed(theta))) / max(abs(observed(theta)))
f_quad <- function(g) integrate(function(z) g(z) * exp(-z - exp(-z)), -8, 60, rel.tol = 1e-12, subdivisions = 1000L)$value  # the density is below 1e-1300 left of -8 and 1e-26 right of 60
i_quad <- matrix(c(f_quad(function(z) (1 - exp(-z))^2),
                   f_quad(function(z) (1 - exp(-z)) * (-1 + z - z * exp(-z))),
                   f_quad(function(z) (1 - exp(-z)) * (-1 + z - z * exp(-z))),
                   f_quad(function(z) (-1 + z - z * exp(-z))^2)), 2)
check_expected <- max(abs(i_quad - expected(c(0, 1)) / n))

se_obs <- sqrt(diag(solve(observed(theta))))
se_exp <- sqrt(diag(solve(expected(theta))))
ll <- loglik(theta)
p <- function(i) list(estimate = theta[i], se = se_obs[i], ci95_wald = theta[i] + c(-1, 1) * Z975 * se_obs[i],
                      se_observed = se_obs[i], se_expected = se_exp[i])
out <- list(
  case = "gumbel_simulated",
  description = "Gumbel (maximum) distribution fitted by maximum likelihood to 150 simulated values (seed 20261202, mu = 10, sigma = 2.5, by inversion).",
  model = "y_i ~ Gumbel(location mu, scale sigma) iid, density exp(-z - exp(-z))/sigma, z = (y - mu)/sigma (evd::dgumbel); sigma > 0. Pure MLE.",
  objective = "maximize sum_i [-log sigma - z_i - exp(-z_i)].",
  se_method = "se = se_observed: inverse exact observed information (analytic Hessian, checked against optimHess). se_expected: inverse of n/sigma^2 [[1, -(1-gamma_E)], [-(1-gamma_E), (1-gamma_E)^2 + pi^2/6]] (checked by quadrature).",
  source = "R base optim (BFGS) polished by Newton with the analytic Hessian.",
  data_columns = list(y = "simulated Gumbel draws, 6 decimals"),
  parameters = list(location = p(1), scale = p(2)),
  loglik = ll, aic = -2 * ll + 4, bic = -2 * ll + 2 * log(n), n = n,
  tolerance = list(estimate = 1e-7, se = 1e-6, loglik = 1e-10),
  cross_checks = list(analytic_vs_numeric_hessian = check_hessian, expected_information_vs_quadrature_abs = check_expected),
  notes = "R has no Gumbel in base; the density is written out. EULER = -digamma(1).")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
