## model_matrix_toothgrowth: R's model.matrix (treatment contrasts) on datasets::ToothGrowth for
## formulas that mix a numeric variable (dose) with a factor (supp, levels OJ, VC), and the
## Gaussian fit lm(len ~ supp * dose) (its coefficients are the maximum-likelihood ones).
## R 4.2.2 (Debian r-base-core), package jsonlite. Run in this folder:  Rscript reference.R
suppressPackageStartupMessages(library(jsonlite))
options(digits = 17, warn = 1, contrasts = c("contr.treatment", "contr.poly"))

write.csv(ToothGrowth, "data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("data.csv", stringsAsFactors = FALSE)
d$supp <- factor(d$supp)   # levels sorted: OJ, VC

design <- function(formula, note) {
  X <- model.matrix(formula, d)
  list(formula = paste(deparse(formula), collapse = ""), note = note,
       columns = I(colnames(X)), assign = I(attr(X, "assign")),
       matrix = unname(lapply(seq_len(nrow(X)), function(i) I(unname(X[i, ])))))
}

designs <- list(
  design(~ supp * dose, "factor x numeric: the slope's contrast"),
  design(~ dose:supp, "numeric x factor without main effects: one slope per level"),
  design(~ 0 + supp + dose, "no intercept: supp by indicators"),
  design(~ supp + supp:dose, "nested slopes: one slope per level"),
  design(~ dose, "numeric only"),
  design(~ 0 + dose, "numeric only, no intercept")
)

fit <- lm(len ~ supp * dose, data = d)
writeLines(toJSON(list(
  case = "model_matrix_toothgrowth",
  description = "R's model.matrix (contr.treatment) for formulas mixing the numeric dose with the factor supp on datasets::ToothGrowth (n = 60), and lm(len ~ supp * dose).",
  source = paste(R.version.string, "; stats::model.matrix, stats::lm"),
  data_columns = list(len = "tooth length", supp = "factor OJ, VC", dose = "numeric (mg/day)"),
  designs = designs,
  lm = list(formula = "len ~ supp * dose", columns = names(coef(fit)), estimate = unname(coef(fit)),
            sigma_mle = sqrt(sum(residuals(fit)^2) / nrow(d)), loglik = as.numeric(logLik(fit))),
  tolerance = list(design = 0, estimate = 1e-8)
), auto_unbox = TRUE, pretty = TRUE, digits = NA), "expected.json")
