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

## Case mixture_faithful_waiting: a 2-component normal mixture fitted by maximum likelihood to R's datasets::faithful
## waiting times. Computed for MleGen issue 13 (not part of the shared set): `Rscript reference.R` in this folder.
## Parameters phi = (w1, mu1, mu2, sd1, sd2) with w2 = 1 - w1; MleGen's simplex Weights = (w1, w2).
d <- write_and_read(data.frame(waiting = datasets::faithful$waiting))
y <- d$waiting; n <- length(y)
nll <- function(ph) -sum(log(ph[1] * dnorm(y, ph[2], ph[4]) + (1 - ph[1]) * dnorm(y, ph[3], ph[5])))
grad <- function(ph) {                         # analytic gradient of the NLL in phi
  w <- ph[1]; n1 <- dnorm(y, ph[2], ph[4]); n2 <- dnorm(y, ph[3], ph[5]); p <- w * n1 + (1 - w) * n2
  r1 <- w * n1 / p; r2 <- (1 - w) * n2 / p; z1 <- (y - ph[2]) / ph[4]; z2 <- (y - ph[3]) / ph[5]
  -c(sum((n1 - n2) / p), sum(r1 * z1 / ph[4]), sum(r2 * z2 / ph[5]), sum(r1 * (z1^2 - 1) / ph[4]), sum(r2 * (z2^2 - 1) / ph[5]))
}
hess <- function(ph) { H <- numDeriv::jacobian(grad, ph, method = "Richardson", method.args = ND); (H + t(H)) / 2 }
newton <- function(ph, free = rep(TRUE, length(ph)), iters = 30) {
  for (k in seq_len(iters)) {
    g <- grad(ph)[free]; if (max(abs(g)) < 1e-11) break
    ph[free] <- ph[free] - solve(hess(ph)[free, free, drop = FALSE], g)
  }
  ph
}
## Method 1: EM from a split at the median, then Newton on the analytic gradient.
ph <- c(0.5, mean(y[y < median(y)]), mean(y[y >= median(y)]), sd(y) / 2, sd(y) / 2)
for (it in 1:2000) {
  n1 <- ph[1] * dnorm(y, ph[2], ph[4]); n2 <- (1 - ph[1]) * dnorm(y, ph[3], ph[5]); r <- n1 / (n1 + n2)
  ph <- c(mean(r), sum(r * y) / sum(r), sum((1 - r) * y) / sum(1 - r),
          sqrt(sum(r * (y - sum(r * y) / sum(r))^2) / sum(r)), sqrt(sum((1 - r) * (y - sum((1 - r) * y) / sum(1 - r))^2) / sum(1 - r)))
}
em <- ph
ph <- newton(ph)
## Method 2 (cross-check): optim L-BFGS-B with the analytic gradient from a different start.
o <- optim(c(0.3, 50, 85, 7, 5), nll, grad, method = "L-BFGS-B", lower = c(1e-6, -Inf, -Inf, 1e-6, 1e-6),
           upper = c(1 - 1e-6, Inf, Inf, Inf, Inf), control = list(factr = 1, pgtol = 0, maxit = 10000))
H <- hess(ph)
se_obs <- sqrt(diag(solve(H)))

## Expected information: n * M^T F M with F the one-observation information in (w1, w2, mu1, mu2, sd1, sd2) by
## integration (the normal_mixture_information case's method), M the map phi -> theta (w2 = 1 - w1).
mixture_density <- function(yy, w, mu, sd) rowSums(sapply(seq_along(w), function(k) w[k] * dnorm(yy, mu[k], sd[k])))
mixture_scores <- function(yy, w, mu, sd) {     # in log space: both densities underflow in the far tails
  K <- length(w)
  ld <- sapply(1:K, function(k) dnorm(yy, mu[k], sd[k], log = TRUE)); if (is.null(dim(ld))) ld <- matrix(ld, nrow = 1)
  lw <- matrix(log(w), nrow(ld), K, byrow = TRUE); m <- apply(lw + ld, 1, max); lp <- m + log(rowSums(exp(lw + ld - m)))
  ratio <- exp(ld - lp); resp <- ratio * matrix(w, nrow(ld), K, byrow = TRUE)
  z <- sapply(1:K, function(k) (yy - mu[k]) / sd[k]); if (is.null(dim(z))) z <- matrix(z, nrow = 1)
  sdm <- matrix(sd, nrow(ld), K, byrow = TRUE)
  cbind(ratio, resp * z / sdm, resp * (z^2 - 1) / sdm)
}
w <- c(ph[1], 1 - ph[1]); mu <- ph[2:3]; sdv <- ph[4:5]
cuts <- sort(unique(as.numeric(outer(sdv, c(-40, -12, -8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12, 40)) + mu)))
Fy <- matrix(0, 6, 6)
for (a in 1:6) for (b in 1:a) {
  f <- function(yy) { s <- mixture_scores(yy, w, mu, sdv); s[, a] * s[, b] * mixture_density(yy, w, mu, sdv) }
  tot <- integrate(f, -Inf, cuts[1], rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value +
    integrate(f, cuts[length(cuts)], Inf, rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value
  for (i in seq_len(length(cuts) - 1)) tot <- tot + integrate(f, cuts[i], cuts[i + 1], rel.tol = 1.2e-14, abs.tol = 1e-17, subdivisions = 10000L)$value
  Fy[a, b] <- Fy[b, a] <- tot
}
M <- rbind(c(1, 0, 0, 0, 0), c(-1, 0, 0, 0, 0), cbind(0, diag(4)))   # theta = (w1, w2, mu1, mu2, sd1, sd2) from phi
Iexp <- n * t(M) %*% Fy %*% M
se_exp <- sqrt(diag(solve(Iexp)))

## Profile-likelihood intervals: phi_j held at t, the others re-optimized (Newton on the analytic gradient from the
## previous solution; for w1 the components' means and sds, w2 = 1 - t following). Root of 2(nll(t) - nll_hat) = chi2_1(0.95).
nll_hat <- nll(ph)
profile_ci <- function(j) {
  free <- seq_along(ph) != j
  prof <- function(t) { q <- ph; q[j] <- t; q <- newton(q, free, iters = 60); 2 * (nll(q) - nll_hat) - CHI95 }
  out <- c(NA, NA)
  for (side in c(-1, 1)) {
    step <- se_obs[j]; prev <- ph[j]
    repeat { t <- ph[j] + side * step; if (j == 1) t <- min(max(t, 1e-9), 1 - 1e-9); if (prof(t) > 0) break; prev <- t; step <- 1.6 * step }
    out[(side + 3) / 2] <- uniroot(prof, sort(c(prev, t)), tol = 1e-13)$root
  }
  out
}
ci <- lapply(1:5, profile_ci)
xc <- list(em_vs_newton_max_abs = max(abs(em - ph)), lbfgsb_vs_newton_max_rel = reldiff(o$par, ph),
           gradient_at_mle_max_abs = max(abs(grad(ph))),
           numDeriv_hessian_of_nll_rel_diff = reldiff_mat(nd_hessian(nll, ph), H))
pars <- list(
  "Weights[0]" = pentry(ph[1], se_obs[1], se_observed = se_obs[1], se_expected = se_exp[1], ci_profile = ci[[1]]),
  "Weights[1]" = pentry(1 - ph[1], se_obs[1], se_observed = se_obs[1], se_expected = se_exp[1], ci_profile = rev(1 - ci[[1]])),
  "Means[0]" = pentry(ph[2], se_obs[2], se_observed = se_obs[2], se_expected = se_exp[2], ci_profile = ci[[2]]),
  "Means[1]" = pentry(ph[3], se_obs[3], se_observed = se_obs[3], se_expected = se_exp[3], ci_profile = ci[[3]]),
  "Sds[0]" = pentry(ph[4], se_obs[4], se_observed = se_obs[4], se_expected = se_exp[4], ci_profile = ci[[4]]),
  "Sds[1]" = pentry(ph[5], se_obs[5], se_observed = se_obs[5], se_expected = se_exp[5], ci_profile = ci[[5]]))
ic <- info_ic(-nll_hat, 5, n)
write_expected(c(list(
  case = "mixture_faithful_waiting", set = "project",
  description = "Two-component normal mixture fitted by maximum likelihood to R's datasets::faithful$waiting (n = 272, minutes between Old Faithful eruptions).",
  model = "waiting_i ~ w1 N(mu1, sd1^2) + w2 N(mu2, sd2^2), w1 + w2 = 1 (MleGen: [Param(Simplex = true)] Weights, Means, [Param(Lower = 0)] Sds, NormalMixture(Weights, Means, Sds)); component 1 is the one with the smaller mean.",
  objective = "maximize sum_i log(w1 N(y_i; mu1, sd1^2) + w2 N(y_i; mu2, sd2^2)).",
  se_method = "se = se_observed: inverse of the numDeriv Jacobian of the analytic gradient in (w1, mu1, mu2, sd1, sd2) (w2's se equals w1's). se_expected: inverse of n * M^T F M, F the one-observation Fisher information in (w1, w2, mu1, mu2, sd1, sd2) by QUADPACK integration (as normal_mixture_information), M the map to the 5 free coordinates.",
  ci_method = "ci95_profile = {t : 2(nll(t) - nll_hat) <= qchisq(0.95, 1)} with the parameter held at t and the others re-optimized by Newton (for a weight: w1 = t, w2 = 1 - t, both components' means and sds re-optimized); Weights[1]'s interval is 1 minus Weights[0]'s.",
  source = "R 4.2.2 (this file's reference.R): EM then Newton on the analytic gradient (Hessian by numDeriv's Richardson Jacobian of the gradient); cross-checked by optim L-BFGS-B and numDeriv's Hessian of the NLL. Data: datasets::faithful (Haerdle 1991; part of R).",
  data_columns = list(waiting = "waiting time to the next eruption (minutes)"),
  parameters = pars), ic, list(
  n = n, k = 5,
  tolerance = list(estimate = 1e-6, se = 1e-5, se_expected = 1e-6, ci95_profile = 1e-5, loglik = 1e-9),
  cross_checks = xc,
  notes = "The weight's standard error is 0.031165 from the observed information and 0.030902 from the expected one (no closed form: integrated). Label switching: MleGen's start must order the components as here (Means[0] < Means[1]).")))
cat(ph, "\n", se_obs, "\n", se_exp, "\n"); print(ci); print(xc)
