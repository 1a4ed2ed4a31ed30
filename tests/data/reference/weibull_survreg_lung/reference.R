## weibull_survreg_lung: Weibull regression with right censoring, survival::survreg on survival::lung.
## R 4.x, packages: survival, jsonlite. Run from this folder: Rscript reference.R
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
options(digits = 17, warn = 1)
Z975 <- qnorm(0.975)
wald <- function(est, se) c(est - Z975 * se, est + Z975 * se)

## write the data, then read it back: everything is computed from the CSV as read
df <- data.frame(time = lung$time, censored = as.integer(lung$status == 1),
                 age = lung$age, female = as.integer(lung$sex == 2))
write.csv(df, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv")

fit <- survreg(Surv(time, 1 - censored) ~ age + female, data = d, dist = "weibull",
               control = survreg.control(rel.tolerance = 1e-13, toler.chol = 1e-15, iter.max = 100))
beta <- coef(fit)
V <- vcov(fit)                        # (Intercept), age, female, Log(scale)
sigma <- fit$scale
shape <- 1 / sigma                    # Weibull shape k = 1/sigma; scale_i = exp(x_i' beta)
se_beta <- sqrt(diag(V))[1:3]
se_shape <- shape * sqrt(V[4, 4])     # d(1/sigma)/d(log sigma) = -1/sigma

## the log-likelihood on the time scale, by hand: events log f, censored log S (dweibull/pweibull)
X <- cbind(1, d$age, d$female)
lam <- exp(drop(X %*% beta))
ev <- d$censored == 0
ll_hand <- sum(dweibull(d$time[ev], shape, lam[ev], log = TRUE)) +
           sum(pweibull(d$time[!ev], shape, lam[!ev], lower.tail = FALSE, log.p = TRUE))

## Derived quantity: the median survival time of a 60-year-old woman, lambda * (log 2)^(1/k),
## lambda = exp(b0 + 60 b1 + b2). Delta method by hand in (beta, log sigma) with survreg's covariance,
## and survreg's own predict(type = "quantile", se.fit = TRUE) as the cross-check.
x0 <- c(1, 60, 1)
eta0 <- sum(x0 * beta)
median0 <- exp(eta0) * log(2)^sigma
grad <- c(median0 * x0, median0 * log(log(2)) * sigma)   # d/d(log sigma): median * log(log 2) * sigma
se_median <- sqrt(drop(t(grad) %*% V %*% grad))
pred <- predict(fit, newdata = data.frame(age = 60, female = 1), type = "quantile", p = 0.5, se.fit = TRUE)

## Its profile-likelihood interval: max loglik subject to median = t, by solving the constraint for the intercept
## (b0 = log t - sigma*log(log 2) - 60*b_age - b_female) and maximizing over (b_age, b_female, log sigma) with the
## analytic gradient (BFGS, then Newton on the Hessian of differences of that gradient); the ends solve
## 2*(ll - ll(t)) = qchisq(0.95, 1) by uniroot.
ev01 <- as.numeric(ev)
c0 <- log(log(2))
constrained <- function(par, t, grad = FALSE) {
  b1 <- par[1]; b2 <- par[2]; s <- par[3]; sg <- exp(s)
  eta <- log(t) - sg * c0 + b1 * (d$age - 60) + b2 * (d$female - 1)
  z <- (log(d$time) - eta) / sg
  ez <- exp(z)
  if (!grad) return(sum(ev01 * (-s + z - log(d$time)) - ez))
  deta <- -(ev01 - ez) / sg
  c(sum(deta * (d$age - 60)), sum(deta * (d$female - 1)), sum(-ev01 + (ev01 - ez) * (-z + c0)))
}
profile_at <- function(t, start) {
  o <- optim(start, function(p) -constrained(p, t), function(p) -constrained(p, t, TRUE),
             method = "BFGS", control = list(reltol = 1e-15, maxit = 1000))
  par <- o$par
  for (it in 1:8) {
    g <- constrained(par, t, TRUE)
    H <- optimHess(par, function(p) -constrained(p, t), function(p) -constrained(p, t, TRUE))
    par <- par + solve(H, g)
  }
  list(ll = constrained(par, t), par = par, grad = constrained(par, t, TRUE))
}
start0 <- c(beta[2], beta[3], log(sigma))
ll_at_mle <- profile_at(median0, start0)$ll       # equals the maximum: the constraint holds at the MLE
q95 <- qchisq(0.95, 1)
dev <- function(t) 2 * (fit$loglik[2] - profile_at(t, start0)$ll) - q95
prof_lower <- uniroot(dev, c(median0 - 4 * se_median, median0), tol = 1e-12)$root
prof_upper <- uniroot(dev, c(median0, median0 + 4 * se_median), tol = 1e-12)$root
grad_at_ends <- max(abs(c(profile_at(prof_lower, start0)$grad, profile_at(prof_upper, start0)$grad)))

n <- nrow(d); k <- 4
ll <- fit$loglik[2]
out <- list(
  case = "weibull_survreg_lung",
  set = "public",
  description = "Weibull accelerated-failure-time regression with right censoring: survival times of 228 patients with advanced lung cancer (survival::lung, NCCTG), on age and sex.",
  model = "time_i ~ Weibull(shape k, scale exp(b0 + b_age*age_i + b_female*female_i)); censored_i = 1: right-censored (alive at time_i), contributes log S(time_i) = -(time_i/scale_i)^k. survreg's log(time) = x'b + sigma*W with k = 1/sigma.",
  objective = "maximize sum over events of log dweibull(time_i; k, scale_i) + sum over censored of log pweibull(time_i; k, scale_i, lower.tail = FALSE).",
  se_method = "se: inverse observed information (survreg's vcov in (b, log sigma)); for the shape k = 1/sigma, se = k * se(log sigma) (the delta method, exact for Wald SEs at the MLE).",
  source = "R survival::survreg(Surv(time, 1 - censored) ~ age + female, dist = 'weibull'), rel.tolerance 1e-13. Data: survival::lung (Loprinzi et al. 1994), status 1 = censored, sex 2 = female.",
  data_columns = list(time = "survival time, days", censored = "1 = right-censored, 0 = death", age = "age, years", female = "1 = female, 0 = male"),
  parameters = list(
    intercept = list(estimate = unname(beta[1]), se = unname(se_beta[1]), ci95_wald = wald(unname(beta[1]), unname(se_beta[1]))),
    age = list(estimate = unname(beta[2]), se = unname(se_beta[2]), ci95_wald = wald(unname(beta[2]), unname(se_beta[2]))),
    female = list(estimate = unname(beta[3]), se = unname(se_beta[3]), ci95_wald = wald(unname(beta[3]), unname(se_beta[3]))),
    shape = list(estimate = shape, se = se_shape, ci95_wald = wald(shape, se_shape))
  ),
  derived = list(
    median_60_female = list(
      definition = "exp(intercept + 60*age + female) * log(2)^(1/shape)",
      estimate = median0, se = se_median, ci95_wald = wald(median0, se_median),
      se_predict_survreg = unname(pred$se.fit), estimate_predict_survreg = unname(pred$fit),
      ci95_profile = c(prof_lower, prof_upper),
      ci95_profile_method = "max loglik subject to median = t (intercept solved from the constraint; BFGS + Newton), ends where 2(ll - ll(t)) = qchisq(0.95, 1) (uniroot, tol 1e-12)")
  ),
  loglik = ll,
  aic = -2 * ll + 2 * k,
  bic = -2 * ll + log(n) * k,
  n = n,
  k = k,
  tolerance = list(estimate = 1e-6, se = 1e-5, loglik = 1e-8, derived = 1e-5, derived_profile = 1e-9),
  cross_checks = list(
    loglik_by_hand_minus_survreg = ll_hand - ll,
    median_predict_rel_diff = abs(pred$fit - median0) / median0,
    median_se_predict_rel_diff = abs(pred$se.fit - se_median) / se_median,
    survreg_iterations = fit$iter,
    profile_ll_at_mle_minus_ll = ll_at_mle - ll,
    profile_max_abs_gradient_at_ends = grad_at_ends
  ),
  notes = "survreg's loglik is on the time scale (includes the Jacobian): it equals the by-hand sum of dweibull/pweibull terms (cross_checks). The intercept, age and female SEs are invariant to the (k vs log sigma) parameterization of the shape."
)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
