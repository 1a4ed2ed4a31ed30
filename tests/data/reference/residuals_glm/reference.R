## Fitted values and residuals (R's fitted() and residuals(fit, type)) of four reference fits, for
## FitResult.FittedValues / FitResult.Residuals. Run from this folder: Rscript reference.R
## R 4.2.x, packages: jsonlite, MASS. Reads the data.csv of the sibling reference cases.
suppressPackageStartupMessages({ library(jsonlite); library(MASS) })
options(digits = 17)
case <- function(fit, scale = 1) list(
  fitted = unname(fitted(fit)),
  response = unname(residuals(fit, type = "response")),
  ## MleGen's Pearson and deviance residuals use the fitted family's full variance: for a Normal fit R's divided by
  ## the MLE sigma (scale), for Poisson, Bernoulli and negative binomial fits R's as they are (scale 1).
  pearson = unname(residuals(fit, type = "pearson")) / scale,
  deviance = unname(residuals(fit, type = "deviance")) / scale)

cars <- read.csv("../ols_cars/data.csv")
ols <- glm(dist ~ speed, family = gaussian, data = cars)
sigma_mle <- sqrt(sum(residuals(ols)^2) / nrow(cars))

mtcars2 <- read.csv("../logistic_mtcars/data.csv")
logit <- glm(am ~ wt + hp, family = binomial, data = mtcars2, control = glm.control(epsilon = 1e-14, maxit = 100))

warp <- read.csv("../poisson_warpbreaks/data.csv")
pois <- glm(breaks ~ woolB + tensionM + tensionH, family = poisson, data = warp, control = glm.control(epsilon = 1e-14, maxit = 100))

quine2 <- read.csv("../negbin_quine/data.csv")
nb <- glm.nb(days ~ EthN + SexM + AgeF1 + AgeF2 + AgeF3 + LrnSL, data = quine2, control = glm.control(epsilon = 1e-14, maxit = 100))

out <- list(
  description = "fitted() and residuals(type = response / pearson / deviance) of R fits of four reference cases; Normal: R's pearson and deviance residuals divided by the MLE sigma",
  ols_cars = c(case(ols, sigma_mle), list(sigma_mle = sigma_mle)),
  logistic_mtcars = case(logit),
  poisson_warpbreaks = c(case(pois), list(pearson_chi2 = sum(residuals(pois, type = "pearson")^2), df_residual = pois$df.residual)),
  negbin_quine = c(case(nb), list(theta = nb$theta)),
  tolerance = list(fitted = 1e-7, residuals = 1e-6))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "expected.json")
