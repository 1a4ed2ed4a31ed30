## model_matrix_warpbreaks: R's model.matrix (treatment contrasts) for several formulas on
## datasets::warpbreaks, and glm(breaks ~ wool * tension, poisson) with its correlation matrix,
## Wald intervals at 90 % and 95 % and exact profile-likelihood intervals at 90 % and 95 %.
## R 4.2.2 (Debian r-base-core), packages jsonlite and MASS. Run in this folder:
##   Rscript reference.R
## Self-contained (needs no numDeriv, unlike the shared helpers of the other cases).
suppressPackageStartupMessages({ library(jsonlite); library(MASS) })
options(digits = 17, warn = 1, contrasts = c("contr.treatment", "contr.poly"))

write_expected <- function(x, file = "expected.json") {
  writeLines(toJSON(x, auto_unbox = TRUE, pretty = TRUE, digits = NA,
                    null = "null", na = "null"), file)
}

## The data as plain text (factor levels as strings); everything below is computed from the CSV as read.
write.csv(warpbreaks, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv", stringsAsFactors = FALSE)
## R's own level order for tension is L, M, H (not alphabetical); wool is A, B.
d$wool <- factor(d$wool, levels = c("A", "B"))
d$tension <- factor(d$tension, levels = c("L", "M", "H"))

design <- function(formula, data, note) {
  X <- model.matrix(formula, data)
  list(formula = paste(deparse(formula), collapse = ""), note = note,
       columns = I(colnames(X)), assign = I(attr(X, "assign")),
       matrix = unname(lapply(seq_len(nrow(X)), function(i) I(unname(X[i, ])))))
}

## tension with alphabetically sorted levels H, L, M (what a factor gets without given levels).
ds <- d
ds$tension <- factor(as.character(d$tension), levels = sort(unique(as.character(d$tension)), method = "radix"))

designs <- list(
  design(~ wool * tension, d, "levels as given: wool A, B; tension L, M, H"),
  design(~ wool + tension, d, "levels as given"),
  design(~ wool:tension, d, "interaction only, with intercept (rank deficient in R too)"),
  design(~ 0 + wool + tension, d, "no intercept: the first factor is coded by indicators"),
  design(~ 0 + wool:tension, d, "no intercept, interaction only: cell means"),
  design(~ tension + wool:tension, d, "nested: wool within tension"),
  design(~ wool * tension - wool:tension, d, "a term removed"),
  design(~ tension * wool, d, "variable order follows the formula"),
  design(~ wool * tension, ds, "tension levels sorted: H, L, M (H is the reference)")
)

## The Poisson log-linear fit of the full factorial model.
fit <- glm(breaks ~ wool * tension, family = poisson, data = d,
           control = glm.control(epsilon = 1e-15, maxit = 100))
s <- summary(fit, correlation = TRUE)
X <- model.matrix(fit); y <- fit$y; b <- coef(fit)

## Exact profile-likelihood interval of coefficient j: {t : D(t) - D_hat <= qchisq(level, 1)},
## D(t) the deviance with beta_j fixed at t (x_j * t as an offset, the others re-fitted by IRLS).
profile_ci <- function(j, level) {
  crit <- qchisq(level, 1)
  se <- sqrt(diag(vcov(fit)))[j]
  g <- function(t) {
    f <- glm.fit(X[, -j, drop = FALSE], y, offset = t * X[, j], family = poisson(),
                 start = b[-j], control = glm.control(epsilon = 1e-15, maxit = 200))
    f$deviance - fit$deviance - crit
  }
  side <- function(dir) {
    step <- se
    repeat { t <- b[j] + dir * step; if (g(t) > 0) break; step <- 2 * step }
    uniroot(g, sort(c(b[j], t)), tol = 1e-13 * max(1, abs(b[j])))$root
  }
  c(side(-1), side(1))
}

params <- list()
for (j in seq_along(b)) {
  nm <- names(b)[j]
  params[[nm]] <- list(
    estimate = unname(b[j]),
    se = unname(s$coefficients[j, 2]),
    z = unname(s$coefficients[j, 3]),
    p = unname(s$coefficients[j, 4]),
    ci90_wald = unname(confint.default(fit, parm = j, level = 0.90)[1, ]),
    ci95_wald = unname(confint.default(fit, parm = j, level = 0.95)[1, ]),
    ci90_profile = profile_ci(j, 0.90),
    ci95_profile = profile_ci(j, 0.95),
    ci90_profile_mass = unname(suppressMessages(confint(fit, parm = j, level = 0.90))))
}

ll <- as.numeric(logLik(fit))
write_expected(list(
  case = "model_matrix_warpbreaks",
  description = "R's model.matrix (contr.treatment) for several formulas on datasets::warpbreaks (n = 54), and the Poisson log-linear glm(breaks ~ wool * tension) with its correlation matrix and Wald / profile intervals at 90 % and 95 %.",
  source = paste(R.version.string, "; stats::model.matrix, stats::glm, MASS", packageVersion("MASS"), "(confint, spline-interpolated: ci90_profile_mass, for comparison only)"),
  data_columns = list(breaks = "count", wool = "factor A, B", tension = "factor L, M, H (R's level order)"),
  designs = designs,
  glm = list(
    formula = "breaks ~ wool * tension", family = "poisson", link = "log",
    parameters = params,
    correlation = unname(lapply(seq_len(nrow(s$correlation)), function(i) unname(s$correlation[i, ]))),
    loglik = ll, deviance = fit$deviance, null_deviance = fit$null.deviance,
    df_residual = fit$df.residual, n = nrow(d), iterations = fit$iter),
  notes = "ci*_profile: exact, each side solved by uniroot on the deviance with the coefficient as an offset (IRLS to 1e-15); ci90_profile_mass is MASS's spline-interpolated profile, agreeing to about 1e-4.",
  tolerance = list(design = 0, estimate = 1e-7, se = 1e-6, correlation = 1e-6, wald = 1e-6, profile = 1e-6)
))
