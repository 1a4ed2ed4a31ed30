## ---- common helpers (identical in every reference.R; prepended by generate.sh) ----
## R 4.2.x, packages: jsonlite, numDeriv (+ case-specific ones loaded below).
suppressPackageStartupMessages({
  library(jsonlite)
  library(numDeriv)
})
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)          # 1.959963984540054
CHI95 <- qchisq(0.95, 1)      # 3.841458820694124
ND <- list(eps = 1e-4, d = 0.01, zero.tol = sqrt(.Machine$double.eps / 7e-7), r = 4, v = 2)
nd_hessian <- function(f, x) numDeriv::hessian(f, x, method.args = ND)

wald <- function(est, se) c(est - Z975 * se, est + Z975 * se)

## one parameter entry; NULL fields are dropped
pentry <- function(est, se = NULL, se_expected = NULL, se_observed = NULL,
                   se_robust = NULL, ci_profile = NULL, extra = list()) {
  e <- list(estimate = unname(est))
  if (!is.null(se)) {
    e$se <- unname(se)
    e$ci95_wald <- unname(wald(est, se))
  }
  if (!is.null(se_expected)) e$se_expected <- unname(se_expected)
  if (!is.null(se_observed)) e$se_observed <- unname(se_observed)
  if (!is.null(se_robust))   e$se_robust   <- unname(se_robust)
  if (!is.null(ci_profile))  e$ci95_profile <- unname(ci_profile)
  c(e, extra)
}

## relative difference, elementwise max
reldiff <- function(a, b) {
  a <- as.numeric(a); b <- as.numeric(b)
  max(ifelse(a == b, 0, abs(a - b) / pmax(abs(b), 1e-300)))
}

## inverse of a symmetric positive-definite matrix after diagonal scaling (ill-conditioned NLS problems)
sinv <- function(H) { dd <- 1 / sqrt(diag(H)); Hs <- H * outer(dd, dd); outer(dd, dd) * solve(Hs, tol = 0) }

## matrix relative difference: max |a - b| / max |b|
reldiff_mat <- function(a, b) max(abs(a - b)) / max(abs(b))

write_expected <- function(x, file = "expected.json") {
  writeLines(toJSON(x, auto_unbox = TRUE, pretty = TRUE, digits = NA,
                    null = "null", na = "null"), file)
}

## write the data, then read it back: everything is computed from the CSV as read
write_and_read <- function(df, file = "data.csv") {
  write.csv(df, file, row.names = FALSE, quote = FALSE)
  read.csv(file)
}

info_ic <- function(ll, k, n) list(loglik = ll, aic = -2 * ll + 2 * k,
                                   bic = -2 * ll + log(n) * k)

## Sandwich (HC0, no small-sample factor): V = A^-1 B A^-1,
## A = observed information (-Hessian of total loglik), B = sum_i s_i s_i^T
sandwich_cov <- function(ll_i, theta, A = NULL) {
  S <- numDeriv::jacobian(ll_i, theta, method = "Richardson", method.args = ND)
  if (is.null(A)) A <- -numDeriv::hessian(function(t) sum(ll_i(t)), theta, method.args = ND)
  Ai <- solve(A)
  Ai %*% crossprod(S) %*% Ai
}

## Generic profile-likelihood CI for component j of theta (natural scale):
## the set {t : 2*(min_{others} nll - nll_hat) <= qchisq(0.95,1)}.
## nll: negative loglik of the full natural-scale vector; pos: indices of
## parameters that must stay > 0 (their nuisance search runs on the log scale).
## Nuisance parameters are re-optimised (BFGS, then Nelder-Mead, then BFGS).
profile_ci <- function(nll, theta_hat, j, se, pos = integer(0),
                       lower_bound = -Inf, level = 0.95) {
  crit <- qchisq(level, 1)
  nll_hat <- nll(theta_hat)
  others <- setdiff(seq_along(theta_hat), j)
  tr  <- function(v) { k <- others %in% pos; v[k] <- log(v[k]); v }
  itr <- function(u) { k <- others %in% pos; u[k] <- exp(u[k]); u }
  warm <- tr(theta_hat[others])
  prof <- function(t) {
    f <- function(u) { th <- theta_hat; th[j] <- t; th[others] <- itr(u)
                       v <- nll(th); if (!is.finite(v)) 1e300 else v }
    o1 <- optim(warm, f, method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
    o2 <- suppressWarnings(optim(o1$par, f, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000)))
    o3 <- optim(o2$par, f, method = "BFGS", control = list(reltol = 1e-15, maxit = 5000))
    best <- list(o1, o2, o3)[[which.min(c(o1$value, o2$value, o3$value))]]
    best$value
  }
  g <- function(t) 2 * (prof(t) - nll_hat) - crit
  find <- function(dir) {
    step <- se; k <- 0
    repeat {
      b <- theta_hat[j] + dir * step
      if (dir < 0 && b <= lower_bound) {
        b <- lower_bound + (theta_hat[j] - lower_bound) * 1e-8
        if (g(b) <= 0) return(lower_bound)
        break
      }
      if (g(b) > 0) break
      step <- step * 1.6; k <- k + 1
      if (k > 80) stop("profile bracket failed")
    }
    uniroot(g, sort(c(theta_hat[j], b)), tol = 1e-13 * max(1, abs(theta_hat[j])))$root
  }
  c(find(-1), find(1))
}

## read a NIST StRD nonlinear-regression .dat file (original NIST format)
read_nist_nls <- function(path) {
  L <- readLines(path)
  n_par <- as.integer(sub(".*?([0-9]+) Parameters.*", "\\1",
                          grep("[0-9]+ Parameters", L, value = TRUE)[1]))
  pl <- grep("^ +b[0-9]+ += ", L, value = TRUE)
  if (length(pl) != n_par) stop("parameter lines")
  num <- function(s) as.numeric(gsub("[Ee]([+-])", "e\\1", s))
  tok <- strsplit(trimws(sub("^ +b[0-9]+ += ", "", pl)), " +")
  cert <- data.frame(name = sub("^ +(b[0-9]+) .*", "\\1", pl),
                     start1 = sapply(tok, function(t) num(t[1])),
                     start2 = sapply(tok, function(t) num(t[2])),
                     estimate = sapply(tok, function(t) num(t[3])),
                     sd = sapply(tok, function(t) num(t[4])))
  grab <- function(pat) num(sub(".*: +", "", grep(pat, L, value = TRUE)[1]))
  rss <- grab("^Residual Sum of Squares")
  rsd <- grab("^Residual Standard Deviation")
  dfree <- grab("^Degrees of Freedom")
  nobs <- grab("^Number of Observations")
  di <- grep("^Data: +y", L)
  dat <- read.table(text = L[(di + 1):length(L)])
  if (ncol(dat) == 2) names(dat) <- c("y", "x") else stop("unexpected data columns")
  if (nrow(dat) != nobs) stop("nobs")
  list(cert = cert, rss = rss, rsd = rsd, df = dfree, n = nobs, data = dat,
       header = L[1:60])
}
## ---- end of common helpers ----

## Case lasso_map_logistic_birthwt: MAP logistic regression with L1 (lasso / Laplace-prior) penalties on
## raw-scale covariates, MASS::birthwt. Computed for MleGen issue 13 (not part of the shared set): run
## `Rscript reference.R` in this folder (R >= 4.2, packages jsonlite, numDeriv, MASS).
suppressPackageStartupMessages({ library(MASS) })
bw <- MASS::birthwt
d <- write_and_read(data.frame(low = bw$low, age = bw$age, lwt = bw$lwt,
                               race2 = as.integer(bw$race == 2), race3 = as.integer(bw$race == 3),
                               smoke = bw$smoke, ptl = bw$ptl, ht = bw$ht, ui = bw$ui, ftv = bw$ftv))
n <- nrow(d); X <- cbind(1, as.matrix(d[, -1])); y <- d$low; p <- ncol(X)
lambda <- 5
pen <- c(0, rep(lambda, p - 1))                  # L1 weight: lambda on the 9 slopes, none on the intercept
eta_of <- function(b) as.numeric(X %*% b)
loglik <- function(b) { eta <- eta_of(b); sum(y * eta - ifelse(eta > 0, eta + log1p(exp(-eta)), log1p(exp(eta)))) }
score <- function(b) as.numeric(crossprod(X, y - plogis(eta_of(b))))       # d loglik / d b
info <- function(b) { pr <- plogis(eta_of(b)); crossprod(X * (pr * (1 - pr)), X) }
objective <- function(b) loglik(b) - sum(pen * abs(b))                      # maximized

## Method 1a: cyclic coordinate ascent on the quadratic majorizer (W <= 1/4) with exact soft-thresholding:
## monotone, so it converges to the optimum; it finds the active set (slow: thousands of sweeps).
L <- colSums(X^2) / 4
b <- c(qlogis(mean(y)), rep(0, p - 1)); sweeps <- 0
repeat {
  old <- b
  for (j in 1:p) {
    z <- b[j] + score(b)[j] / L[j]
    b[j] <- if (pen[j] == 0) z else sign(z) * max(abs(z) - pen[j] / L[j], 0)
  }
  sweeps <- sweeps + 1
  if (max(abs(b - old)) < 1e-12 || sweeps >= 200000) break
}
b_cd <- b
active <- which(b != 0)                          # the intercept and the nonzero slopes
s <- sign(b)                                     # the signs of the nonzero slopes (0 for the intercept: no penalty)
s[1] <- 0

## Method 1b: Newton on the active set, where the objective is smooth: loglik(b) - sum(pen * s * b), the zeros held.
## Quadratic convergence from the coordinate-ascent point, to machine precision.
newton_steps <- 0
for (k in 1:50) {
  g <- score(b)[active] - (pen * s)[active]
  H <- info(b)[active, active]
  step <- solve(H, g)
  b[active] <- b[active] + step
  newton_steps <- k
  if (max(abs(step) / pmax(abs(b[active]), 1e-300)) < 1e-16) break
}
stopifnot(all(sign(b[active][-1]) == s[active][-1]))

## KKT conditions of max loglik - sum(pen * |b|):
##   intercept: score = 0; active slope j: score_j = lambda * sign(b_j); zero slope j: |score_j| <= lambda.
sc <- score(b)
zero <- setdiff(2:p, active)
kkt <- list(
  intercept_score_abs = abs(sc[1]),
  active_max_relative = max(abs(sc[active[-1]] - lambda * s[active[-1]])) / lambda,
  zero_max_score_over_lambda = max(abs(sc[zero])) / lambda,
  coordinate_ascent_sweeps = sweeps,
  newton_steps_on_active_set = newton_steps)
stopifnot(kkt$intercept_score_abs < 1e-10, kkt$active_max_relative < 1e-12, kkt$zero_max_score_over_lambda < 1)

## Method 2 (cross-check): L-BFGS-B on the smooth split b = u - v, u, v >= 0, maximizing
## loglik(b0, u - v) - lambda * sum(u + v) with the exact gradient (a different algorithm and parametrization).
split_f <- function(z) { bb <- c(z[1], z[2:p] - z[(p + 1):(2 * p - 1)]); -loglik(bb) + lambda * sum(z[-1]) }
split_g <- function(z) { bb <- c(z[1], z[2:p] - z[(p + 1):(2 * p - 1)]); sc <- score(bb)
  c(-sc[1], -sc[2:p] + lambda, sc[2:p] + lambda) }
o <- optim(c(qlogis(mean(y)), rep(0, 2 * (p - 1))), split_f, split_g, method = "L-BFGS-B",
           lower = c(-Inf, rep(0, 2 * (p - 1))), control = list(factr = 1, pgtol = 0, maxit = 100000))
b_split <- c(o$par[1], o$par[2:p] - o$par[(p + 1):(2 * p - 1)])
## Method 3 (cross-check of the score formula): numDeriv's gradient of loglik at the optimum.
nd_score <- numDeriv::grad(loglik, b, method.args = ND)
xc <- list(
  coordinate_ascent_vs_final_max_abs = max(abs(b_cd - b)),
  lbfgsb_split_vs_final_nonzero_max_rel = reldiff(b_split[active], b[active]),
  lbfgsb_split_zeros_max_abs = max(abs(b_split[zero])),
  numDeriv_score_max_abs_diff = max(abs(nd_score - sc)))

nm <- c("intercept", colnames(X)[-1])
pars <- list()
for (j in 1:p) pars[[nm[j]]] <- list(estimate = unname(b[j]), score = unname(sc[j]), active = j %in% active)
ll <- loglik(b)
write_expected(list(
  case = "lasso_map_logistic_birthwt", set = "project",
  description = "MAP logistic regression with L1 (lasso) penalties of weight 5 on all 9 slopes, covariates on their raw scales (age in years, lwt in pounds: badly scaled), MASS::birthwt (n = 189). 4 of the 9 slopes are nonzero (age, lwt, smoke, ptl).",
  model = "low_i ~ Bernoulli(p_i), logit(p_i) = intercept + sum_j beta_j x_ij for x = age, lwt, race2, race3, smoke, ptl, ht, ui, ftv (race2/race3: indicators of race == 2 / 3). Penalty: [L1(5)] on each slope (= 5*|beta_j|; a LaplacePrior(0, 0.2) up to its constant); the intercept has none.",
  objective = "maximize Q(b) = sum_i [y_i*eta_i - log(1+exp(eta_i))] - 5 * sum_{j=1..9} |beta_j|.",
  se_method = "none: the lasso estimate has no Wald covariance; only estimates, the likelihood and the KKT conditions are reference values.",
  source = "R 4.2.2 (this file's reference.R): coordinate ascent with soft-thresholding to find the active set, then Newton on the active set to machine precision; KKT checked; cross-checked by L-BFGS-B on the split u - v and numDeriv. Data: MASS::birthwt (Hosmer & Lemeshow 1989), MASS is GPL-2|3.",
  data_columns = list(low = "0/1 response: birth weight < 2.5 kg", age = "mother's age (years)", lwt = "mother's weight at last menstrual period (pounds)",
                      race2 = "1 if race == 2 (black)", race3 = "1 if race == 3 (other)", smoke = "smoking during pregnancy (0/1)",
                      ptl = "number of previous premature labours", ht = "history of hypertension (0/1)", ui = "uterine irritability (0/1)",
                      ftv = "number of physician visits in the first trimester"),
  parameters = pars,
  lambda = lambda,
  loglik = ll,
  log_posterior = objective(b),
  objective_value = objective(b),
  n = n, k = p,
  kkt = kkt,
  tolerance = list(estimate = 1e-9, loglik = 1e-10, objective_value = 1e-10, kkt_active_relative = 1e-9),
  cross_checks = xc,
  notes = "parameters.<name>.score is d loglik / d beta_j at the optimum: 0 for the intercept, lambda*sign(beta_j) for a nonzero slope, within [-lambda, lambda] for a zero slope (kkt.zero_max_score_over_lambda < 1 says how far inside). log_posterior = objective_value: [L1] adds no constant (MleGen's LogPosterior of an [L1] fit is loglik - sum lambda*|beta|). The issue's OWL-QN fit stopped at intercept 1.49868 against 1.498586 here."))
cat("done: ", unlist(kkt), "\n", unlist(xc), "\n")
