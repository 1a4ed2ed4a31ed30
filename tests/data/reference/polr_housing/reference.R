## polr_housing: proportional-odds logistic regression (MASS::polr) of housing satisfaction on influence, type and
## contact (MASS::housing, 72 cells weighted by their frequencies Freq; Madsen 1976, Venables & Ripley MASS 4th ed. 7.3).
## polr's estimates are polished by Newton steps on the exact log-likelihood with its analytic gradient, and the
## standard errors are the inverse observed information (optimHess of the analytic gradient, steps 1e-5), as polr's vcov.
## R 4.x, packages: MASS, jsonlite. Run from this folder: Rscript reference.R
suppressPackageStartupMessages({ library(MASS); library(jsonlite) })
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)
wald <- function(est, se) c(est - Z975 * se, est + Z975 * se)

h <- housing
df <- data.frame(sat = as.integer(h$Sat) - 1L,            # Low, Medium, High -> classes 0, 1, 2
                 inflMedium = as.integer(h$Infl == "Medium"), inflHigh = as.integer(h$Infl == "High"),
                 typeApartment = as.integer(h$Type == "Apartment"), typeAtrium = as.integer(h$Type == "Atrium"),
                 typeTerrace = as.integer(h$Type == "Terrace"), contHigh = as.integer(h$Cont == "High"),
                 freq = h$Freq)
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")
X <- as.matrix(d[, c("inflMedium", "inflHigh", "typeApartment", "typeAtrium", "typeTerrace", "contHigh")])
y <- d$sat; w <- d$freq; K <- 3L

fit <- polr(factor(sat) ~ inflMedium + inflHigh + typeApartment + typeAtrium + typeTerrace + contHigh,
            data = d, weights = freq, Hess = TRUE, method = "logistic")

## theta = (beta, zeta); P(y <= k) = plogis(zeta_k - eta)
ll <- function(t) {
  b <- t[1:6]; z <- t[7:8]; eta <- drop(X %*% b)
  up <- c(z, Inf)[y + 1] - eta; lo <- c(-Inf, z)[y + 1] - eta
  sum(w * log(plogis(up) - plogis(lo)))
}
gr <- function(t) {
  b <- t[1:6]; z <- t[7:8]; eta <- drop(X %*% b)
  up <- c(z, Inf)[y + 1] - eta; lo <- c(-Inf, z)[y + 1] - eta
  p <- plogis(up) - plogis(lo); fu <- dlogis(up); fl <- dlogis(lo)
  g_eta <- -(fu - fl) / p
  g <- c(drop(crossprod(X, w * g_eta)), 0, 0)
  for (k in 1:2) g[6 + k] <- sum(w * ((y + 1 == k) * fu - (y == k) * fl) / p)
  g
}
t <- c(coef(fit), fit$zeta)
for (k in 1:10) t <- t - solve(optimHess(t, ll, gr, control = list(ndeps = rep(1e-5, length(t)))), gr(t))
H <- optimHess(t, ll, gr, control = list(ndeps = rep(1e-5, length(t))))
V <- solve(-H)
se <- sqrt(diag(V))

names <- c("inflMedium", "inflHigh", "typeApartment", "typeAtrium", "typeTerrace", "contHigh", "cut1", "cut2")
params <- setNames(lapply(seq_along(names), function(j) list(estimate = unname(t[j]), se = se[j], ci95_wald = wald(t[j], se[j]),
                                                           polr_estimate = unname(c(coef(fit), fit$zeta)[j]),
                                                           polr_se = sqrt(diag(vcov(fit)))[j])), names)
n <- sum(w); k <- length(t); l <- ll(t)
out <- list(
  case = "polr_housing",
  set = "public",
  description = "Proportional-odds logistic regression: satisfaction (Low < Medium < High) of 1681 householders in Copenhagen by perceived influence, housing type and contact (MASS::housing, 72 cells with frequencies).",
  model = "P(sat_i <= k) = logistic(cut_k - eta_i), eta_i = x_i' beta (no intercept), classes 0 (Low), 1 (Medium), 2 (High); cell weights freq.",
  objective = "maximize sum_i freq_i log(F(cut_{sat_i} - eta_i) - F(cut_{sat_i - 1} - eta_i)), F = plogis, cut_{-1} = -Inf, cut_2 = Inf.",
  se_method = "se: inverse observed information (optimHess of the analytic gradient, steps 1e-5 at the Newton-polished polr estimate), as vcov(polr).",
  source = "R MASS::polr(Sat ~ Infl + Type + Cont, weights = Freq, method = 'logistic') polished by 10 Newton steps; MASS::housing.",
  data_columns = list(sat = "0 Low, 1 Medium, 2 High", inflMedium = "1 = influence Medium", inflHigh = "1 = influence High",
                      typeApartment = "1 = apartment", typeAtrium = "1 = atrium house", typeTerrace = "1 = terraced house",
                      contHigh = "1 = high contact", freq = "number of householders in the cell"),
  parameters = params,
  loglik = l,
  polr_loglik = as.numeric(logLik(fit)),
  aic = -2 * l + 2 * k,
  n = n,
  k = k,
  tolerance = list(estimate = 1e-6, se = 1e-5, loglik = 1e-9),
  cross_checks = list(
    gradient_norm_at_estimate = sqrt(sum(gr(t)^2)),
    polr_vs_polished_max_abs_diff = max(abs(c(coef(fit), fit$zeta) - t)),
    se_vs_polr_max_rel_diff = max(abs(sqrt(diag(vcov(fit))) - se) / se)
  )
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
