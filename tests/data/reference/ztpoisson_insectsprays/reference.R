## ztpoisson_insectsprays: zero-truncated Poisson regression (log link) on datasets::InsectSprays with the zero counts
## removed, maximized by optim (BFGS, analytic gradient) and polished by Newton with the analytic Hessian.
## R 4.x, packages: jsonlite. Run from this folder: Rscript reference.R
suppressPackageStartupMessages(library(jsonlite))
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)
wald <- function(est, se) c(est - Z975 * se, est + Z975 * se)

d0 <- subset(InsectSprays, count > 0)
df <- data.frame(count = d0$count, sprayB = as.integer(d0$spray == "B"), sprayC = as.integer(d0$spray == "C"),
                 sprayD = as.integer(d0$spray == "D"), sprayE = as.integer(d0$spray == "E"), sprayF = as.integer(d0$spray == "F"))
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")
X <- cbind(1, as.matrix(d[, c("sprayB", "sprayC", "sprayD", "sprayE", "sprayF")]))
y <- d$count

## log p(y | y > 0) = y eta - lambda - log y! - log(1 - exp(-lambda)), lambda = exp(eta)
log1mexp <- function(x) ifelse(x <= log(2), log(-expm1(-x)), log1p(-exp(-x)))
ll <- function(b) { eta <- drop(X %*% b); lam <- exp(eta); sum(y * eta - lam - lgamma(y + 1) - log1mexp(lam)) }
gr <- function(b) { eta <- drop(X %*% b); lam <- exp(eta); r <- lam / expm1(lam); drop(crossprod(X, y - lam - r)) }
he <- function(b) {
  eta <- drop(X %*% b); lam <- exp(eta); r <- lam / expm1(lam)
  ## d/d eta of r = lam/(e^lam - 1): r - r * lam * e^lam / (e^lam - 1) = r (1 - lam - r)
  w <- lam + r * (1 - lam - r)
  -crossprod(X, X * w)
}
fit <- optim(rep(0, ncol(X)), function(b) -ll(b), function(b) -gr(b), method = "BFGS",
             control = list(reltol = 1e-15, maxit = 1000))
b <- fit$par
for (k in 1:20) b <- b - solve(he(b), gr(b))
V <- solve(-he(b))
se <- sqrt(diag(V))
## the same Hessian by differences of the analytic gradient (optimHess), as a check
Vnum <- solve(optimHess(b, function(t) -ll(t), function(t) -gr(t)))

names <- c("intercept", "sprayB", "sprayC", "sprayD", "sprayE", "sprayF")
params <- setNames(lapply(seq_along(names), function(j) list(estimate = b[j], se = se[j], ci95_wald = wald(b[j], se[j]))), names)
n <- nrow(d); k <- ncol(X); l <- ll(b)
out <- list(
  case = "ztpoisson_insectsprays",
  set = "public",
  description = "Zero-truncated Poisson regression: insect counts after six sprays (datasets::InsectSprays) with the zero counts removed (n = 70 of 72).",
  model = "count_i ~ Poisson(lambda_i) truncated to count_i > 0, log lambda_i = intercept + spray effects (treatment coding, reference A).",
  objective = "maximize sum_i [count_i*eta_i - lambda_i - log count_i! - log(1 - exp(-lambda_i))].",
  se_method = "se: inverse observed information (analytic Hessian, which for this model is also the expected one only without truncation; here observed).",
  source = "R optim(BFGS, analytic gradient) + 20 Newton steps with the analytic Hessian; datasets::InsectSprays (Beall 1942).",
  data_columns = list(count = "insects, > 0", sprayB = "1 = spray B", sprayC = "1 = spray C", sprayD = "1 = spray D", sprayE = "1 = spray E", sprayF = "1 = spray F"),
  parameters = params,
  loglik = l,
  aic = -2 * l + 2 * k,
  bic = -2 * l + log(n) * k,
  n = n,
  k = k,
  tolerance = list(estimate = 1e-6, se = 1e-5, loglik = 1e-8),
  cross_checks = list(
    gradient_norm_at_estimate = sqrt(sum(gr(b)^2)),
    optim_vs_newton_max_abs_diff = max(abs(fit$par - b)),
    se_vs_optimHess_max_rel_diff = max(abs(sqrt(diag(Vnum)) - se) / se)
  )
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
