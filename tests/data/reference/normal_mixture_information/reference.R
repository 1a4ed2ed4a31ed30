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

## Case normal_mixture_information: the Fisher information of one observation from a K-component normal mixture,
## p(y) = sum_k w_k N(y; mu_k, sd_k^2), in the coordinates (w_1..w_K, mu_1..mu_K, sd_1..sd_K) with the weights as free
## coordinates (scores s_wk = N_k(y)/p(y)). Computed for MleGen issue 13: `Rscript reference.R` in this folder.
## Method: every entry F_ab = integral of s_a(y) s_b(y) p(y) dy by R's integrate() (QUADPACK qags, 21-point
## Gauss-Kronrod) on the real line cut at mu_j + sd_j * {-40, -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12, 40}
## for every component j (tails to -Inf / +Inf by qagi), rel.tol 1.2e-14 (the least integrate() accepts), abs.tol 1e-17 per piece. Independent of MleGen's
## implementation (15-point Gauss-Kronrod on a per-component split). Cross-checked by Monte Carlo (mean of s s^T over
## 4e6 draws, agreement in standard errors) and, for K = 1, by the closed form diag(1, 1/sd^2, 2/sd^2).
mixture_scores <- function(y, w, mu, sd) {
  K <- length(w)
  ld <- sapply(1:K, function(k) dnorm(y, mu[k], sd[k], log = TRUE))
  if (is.null(dim(ld))) ld <- matrix(ld, nrow = 1)
  lw <- matrix(log(w), nrow(ld), K, byrow = TRUE)
  m <- apply(lw + ld, 1, max)
  lp <- m + log(rowSums(exp(lw + ld - m)))
  ratio <- exp(ld - lp)                        # N_k / p
  resp <- ratio * matrix(w, nrow(ld), K, byrow = TRUE)
  z <- sapply(1:K, function(k) (y - mu[k]) / sd[k]); if (is.null(dim(z))) z <- matrix(z, nrow = 1)
  sdm <- matrix(sd, nrow(ld), K, byrow = TRUE)
  cbind(ratio, resp * z / sdm, resp * (z^2 - 1) / sdm)
}
mixture_density <- function(y, w, mu, sd) rowSums(sapply(seq_along(w), function(k) w[k] * dnorm(y, mu[k], sd[k])))
information_by_integration <- function(w, mu, sd) {
  K <- length(w); P <- 3 * K
  cuts <- sort(unique(as.numeric(outer(sd, c(-40, -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12, 40)) + mu)))
  F <- matrix(0, P, P)
  for (a in 1:P) for (b in 1:a) {
    f <- function(y) { s <- mixture_scores(y, w, mu, sd); s[, a] * s[, b] * mixture_density(y, w, mu, sd) }
    total <- integrate(f, -Inf, cuts[1], rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value +
             integrate(f, cuts[length(cuts)], Inf, rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value
    for (i in seq_len(length(cuts) - 1))
      total <- total + integrate(f, cuts[i], cuts[i + 1], rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value
    F[a, b] <- F[b, a] <- total
  }
  F
}
monte_carlo <- function(w, mu, sd, n = 4e6, seed = 1) {
  set.seed(seed)
  comp <- sample.int(length(w), n, replace = TRUE, prob = w)
  y <- rnorm(n, mu[comp], sd[comp])
  S <- mixture_scores(y, w, mu, sd)
  F <- crossprod(S) / n
  P <- ncol(S); se <- matrix(0, P, P)
  for (a in 1:P) for (b in 1:P) se[a, b] <- sd(S[, a] * S[, b]) / sqrt(n)
  list(F = F, se = se)
}
cases <- list(
  list(name = "two overlapping", w = c(0.3, 0.7), mu = c(-1, 2), sd = c(0.8, 1.5)),
  list(name = "three (the benchmark's truth)", w = c(0.5, 0.3, 0.2), mu = c(-2, 0, 3), sd = c(1, 0.5, 1.5)),
  list(name = "narrow spike in a broad component", w = c(0.9, 0.1), mu = c(0, 0.5), sd = c(2, 0.05)),
  list(name = "well separated", w = c(0.4, 0.6), mu = c(-10, 10), sd = c(1, 1)),
  list(name = "one component", w = 1, mu = 0.3, sd = 2))
out <- list(); checks <- list()
for (cs in cases) {
  F <- information_by_integration(cs$w, cs$mu, cs$sd)
  mc <- monte_carlo(cs$w, cs$mu, cs$sd)
  floor <- 1e-12 * sqrt(outer(diag(F), diag(F)))   # entries that are 0 to rounding in both (far-apart components)
  z <- max(abs(mc$F - F) / pmax(mc$se, floor))
  out[[length(out) + 1]] <- list(name = cs$name, weights = cs$w, means = cs$mu, sds = cs$sd, information = F)
  checks[[cs$name]] <- list(monte_carlo_max_abs_z = z, monte_carlo_draws = 4e6,
                            monte_carlo_max_rel_diff = max(abs(mc$F - F) / sqrt(outer(diag(F), diag(F)))))
  cat(cs$name, ": max |MC - F| / SE =", z, "\n")
}
closed <- diag(c(1, 1 / 2^2, 2 / 2^2)); checks[["one component"]]$closed_form_max_abs_diff <- max(abs(out[[5]]$information - closed))
write_expected(list(
  case = "normal_mixture_information", set = "project",
  description = "Fisher information of one observation from a K-component normal mixture, in (w_1..w_K, mu_1..mu_K, sd_1..sd_K) with the weights as free coordinates (score s_wk = N_k(y)/p(y)); there is no closed form.",
  objective = "F_ab = E[s_a s_b] = integral of s_a(y) s_b(y) p(y) dy, s = gradient of log p(y) = log sum_k w_k N(y; mu_k, sd_k^2). In these coordinates E[s s^T] = E[-Hessian of log p]; the information of K - 1 free weights (w_K = 1 - sum) is M^T F M.",
  source = "R 4.2.2 (this file's reference.R): integrate() (QUADPACK qags/qagi) per entry over the real line cut at every component's mu + sd*{0, +-1, ..., +-40}, rel.tol 1.2e-14 (the least integrate() accepts), abs.tol 1e-17; Monte Carlo and (K = 1) closed-form cross-checks.",
  cases = out,
  tolerance = list(information = 1e-10),
  cross_checks = checks,
  notes = "information is a (3K) x (3K) matrix, rows in the coordinate order above (jsonlite writes it row by row). The tolerance is relative to sqrt(F_aa F_bb) (entries near zero are compared on the diagonal's scale)."))
