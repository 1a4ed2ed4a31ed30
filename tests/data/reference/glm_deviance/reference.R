## Deviance tables of four GLM families, as summary.glm / summary(glm.nb) print them, on the data of other
## reference cases (read from their data.csv). Run from this directory: Rscript reference.R > expected.json
suppressPackageStartupMessages({ library(jsonlite); library(MASS) })
options(digits = 17)
ref <- function(case) read.csv(file.path("..", case, "data.csv"))

entry <- function(fit, formula, family, link, extra = list()) {
  s <- summary(fit)
  ci <- suppressMessages(confint.default(fit))
  c(list(formula = formula, family = family, link = link,
         coefficients = as.list(coef(fit)),
         exp_coefficients = as.list(exp(coef(fit))),
         exp_ci95_wald_low = as.list(exp(ci[, 1])), exp_ci95_wald_high = as.list(exp(ci[, 2])),
         deviance = deviance(fit), null_deviance = fit$null.deviance,
         df_residual = fit$df.residual, df_null = fit$df.null,
         dispersion = s$dispersion, loglik = as.numeric(logLik(fit))), extra)
}

mt <- ref("logistic_mtcars")
logistic <- glm(am ~ wt + hp, family = binomial, data = mt)

cars <- ref("ols_cars")
gaussian <- glm(dist ~ speed, family = gaussian, data = cars)

wb <- ref("model_matrix_warpbreaks")
wb$tension <- factor(wb$tension, levels = c("L", "M", "H"))
poisson <- glm(breaks ~ wool * tension, family = poisson, data = wb)

quine <- ref("negbin_quine")
nb <- glm.nb(days ~ EthN + SexM + AgeF1 + AgeF2 + AgeF3 + LrnSL, data = quine)

out <- list(
  case = "glm_deviance",
  description = "Deviance, null deviance, residual and null degrees of freedom, dispersion and exponentiated coefficients with Wald 95 % intervals (exp(confint.default)) of four GLMs: binomial (logit), gaussian (identity), poisson (log) and MASS::glm.nb (log; the deviance at the estimated theta).",
  source = paste(R.version.string, "; stats::glm, MASS", packageVersion("MASS"), "glm.nb"),
  logistic_mtcars = entry(logistic, "am ~ wt + hp", "binomial", "logit"),
  gaussian_cars = entry(gaussian, "dist ~ speed", "gaussian", "identity"),
  poisson_warpbreaks = entry(poisson, "breaks ~ wool * tension", "poisson", "log"),
  negbin_quine = entry(nb, "days ~ EthN + SexM + AgeF1 + AgeF2 + AgeF3 + LrnSL", "Negative Binomial", "log", list(theta = nb$theta)),
  tolerance = list(deviance = 1e-6, exp = 1e-6))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "\n")
