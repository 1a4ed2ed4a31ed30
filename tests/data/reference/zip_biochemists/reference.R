## zip_biochemists: zero-inflated Poisson regression (pscl::zeroinfl) of articles published by 915 biochemistry PhD
## students (pscl::bioChemists; Long 1990, 1997) on gender, marriage, young children, PhD prestige and mentor's
## articles, with the mentor's articles also in the logit of the zero probability. zeroinfl's estimates are polished by
## Newton steps on the exact log-likelihood with its analytic gradient; se: inverse observed information (optimHess of
## the analytic gradient), as zeroinfl's vcov (which takes optim's Hessian).
## R 4.x, packages: pscl, jsonlite. Run from this folder: Rscript reference.R
suppressPackageStartupMessages({ library(pscl); library(jsonlite) })
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)
wald <- function(est, se) c(est - Z975 * se, est + Z975 * se)

b0 <- bioChemists
df <- data.frame(art = b0$art, fem = as.integer(b0$fem == "Women"), mar = as.integer(b0$mar == "Married"),
                 kid5 = b0$kid5, phd = b0$phd, ment = b0$ment)
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")
X <- cbind(1, as.matrix(d[, c("fem", "mar", "kid5", "phd", "ment")]))
Z <- cbind(1, d$ment)
y <- d$art

fit <- zeroinfl(art ~ fem + mar + kid5 + phd + ment | ment, data = d, dist = "poisson")

## log p = log(pi + (1 - pi) e^-lambda) for y = 0, log(1 - pi) + dpois(y, lambda, log) for y > 0
ll <- function(t) {
  b <- t[1:6]; g <- t[7:8]; lam <- exp(drop(X %*% b)); pi <- plogis(drop(Z %*% g))
  sum(ifelse(y == 0, log(pi + (1 - pi) * exp(-lam)), log1p(-pi) + dpois(y, lam, log = TRUE)))
}
gr <- function(t) {
  b <- t[1:6]; g <- t[7:8]; lam <- exp(drop(X %*% b)); pi <- plogis(drop(Z %*% g))
  p0 <- pi + (1 - pi) * exp(-lam)
  d_eta <- ifelse(y == 0, -(1 - pi) * exp(-lam) * lam / p0, y - lam)
  d_zeta <- ifelse(y == 0, pi * (1 - pi) * (1 - exp(-lam)) / p0, -pi)
  c(drop(crossprod(X, d_eta)), drop(crossprod(Z, d_zeta)))
}
t <- c(coef(fit, "count"), coef(fit, "zero"))
for (k in 1:10) t <- t - solve(optimHess(t, ll, gr, control = list(ndeps = rep(1e-5, length(t)))), gr(t))
H <- optimHess(t, ll, gr, control = list(ndeps = rep(1e-5, length(t))))
V <- solve(-H)
se <- sqrt(diag(V))

names <- c("intercept", "fem", "mar", "kid5", "phd", "ment", "zeroIntercept", "zeroMent")
params <- setNames(lapply(seq_along(names), function(j) list(estimate = unname(t[j]), se = se[j], ci95_wald = wald(t[j], se[j]),
                                                           zeroinfl_estimate = unname(coef(fit)[j]),
                                                           zeroinfl_se = unname(sqrt(diag(vcov(fit))))[j])), names)
n <- nrow(d); k <- length(t); l <- ll(t)
out <- list(
  case = "zip_biochemists",
  set = "public",
  description = "Zero-inflated Poisson regression: articles of 915 biochemistry PhD students in their last 3 PhD years (pscl::bioChemists).",
  model = "art_i ~ ZIP(pi_i, lambda_i): P(0) = pi + (1 - pi) e^-lambda, P(y > 0) = (1 - pi) Poisson(y; lambda); log lambda_i = x_i' beta, logit pi_i = zeroIntercept + zeroMent * ment_i.",
  objective = "maximize the sum of log P(art_i).",
  se_method = "se: inverse observed information (optimHess of the analytic gradient, steps 1e-5 at the Newton-polished zeroinfl estimate).",
  source = "R pscl::zeroinfl(art ~ fem + mar + kid5 + phd + ment | ment, dist = 'poisson') polished by 10 Newton steps; pscl::bioChemists (Long 1990).",
  data_columns = list(art = "articles", fem = "1 = woman", mar = "1 = married", kid5 = "children under 6", phd = "prestige of the PhD department", ment = "articles of the mentor"),
  parameters = params,
  loglik = l,
  zeroinfl_loglik = as.numeric(logLik(fit)),
  aic = -2 * l + 2 * k,
  bic = -2 * l + log(n) * k,
  n = n,
  k = k,
  tolerance = list(estimate = 1e-6, se = 1e-5, loglik = 1e-9),
  cross_checks = list(
    gradient_norm_at_estimate = sqrt(sum(gr(t)^2)),
    zeroinfl_vs_polished_max_abs_diff = max(abs(coef(fit) - t)),
    se_vs_zeroinfl_max_rel_diff = max(abs(sqrt(diag(vcov(fit))) - se) / se)
  )
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
