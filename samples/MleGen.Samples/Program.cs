using System;
using System.IO;
using MleGen;
using MleGen.Plots;
using MleGen.Samples;
using MleGen.Samples.Models;

// Four classic models, each a maximum-likelihood fit of a familiar loss:
// least squares = Gaussian, cross-entropy = Bernoulli, counts = Poisson, absolute error = Laplace.
// Every model names its coefficients after its data columns ([Param(Names = nameof(Columns))]).
// The warp-breaks part shows the data story: factors through a ModelFrame, named coefficients,
// an exported coefficient table and plots written to files.

string output = Path.Combine(AppContext.BaseDirectory, "output");
Directory.CreateDirectory(output);

var cars = CsvTable.Load("ols_cars");
var linear = new LinearRegression { X = cars.Matrix("speed"), Y = cars.Column("dist"), Columns = ["speed"], Beta = new double[1], Sigma = 10 };
Show("Stopping distance ~ speed (Gaussian: least squares), R datasets::cars", linear.Fit());

var mtcars = CsvTable.Load("logistic_mtcars");
var logistic = new LogisticRegression { X = mtcars.Matrix("wt", "hp"), Y = mtcars.IntColumn("am"), Columns = ["wt", "hp"], Beta = new double[2] };
Show("Manual transmission ~ weight + horsepower (Bernoulli-logit: cross-entropy), R datasets::mtcars", logistic.Fit());

// Factors: wool (A, B) and tension (L, M, H) are text in the CSV; the frame codes them as R does.
var warpbreaks = CsvTable.Load("warpbreaks");
var frame = new ModelFrame()
    .AddFactor("wool", warpbreaks.Text("wool"))
    .AddFactor("tension", warpbreaks.Text("tension"), levels: ["L", "M", "H"]);
int[] breaks = warpbreaks.IntColumn("breaks");

// The model has its own Intercept, so the design leaves out the column of ones.
DesignMatrix additive = frame.Design("wool + tension", interceptColumn: false);
// The design's column names (woolB, tensionM, tensionH) name Beta's elements: [Param(Names = nameof(Columns))].
var poisson = new PoissonRegression { X = additive.Matrix, Y = breaks, Columns = [.. additive.ColumnNames], Beta = new double[additive.ColumnCount] };
var poissonFit = poisson.Fit();
// This fit warns: MLE1010, over-dispersion (Pearson χ² = 213 on 50 df), pointing to a NegativeBinomial model or sandwich standard errors.
Show("Warp breaks ~ wool + tension (Poisson-log), R datasets::warpbreaks", poissonFit);
foreach (FitDiagnostic warning in poissonFit.Diagnostics)
{
    Console.WriteLine($"{warning.Id} is explained at {warning.HelpLink}");
}

Console.WriteLine();
Show("The same fit with sandwich (robust) standard errors, as MLE1010 suggests: overdispersion roughly doubles them", poissonFit.WithCovariance(CovarianceKind.Sandwich));

DesignMatrix factorial = frame.Design("wool * tension", interceptColumn: false);
var interaction = new PoissonRegression { X = factorial.Matrix, Y = breaks, Columns = [.. factorial.ColumnNames], Beta = new double[factorial.ColumnCount] };
FitResult interactionFit = interaction.Fit(new FitOptions { ConfidenceLevel = 0.90 });
var factorialReport = new ReportOptions { ProfileIntervals = true, Correlation = true };
Show("Warp breaks ~ wool * tension: 90 % profile-likelihood intervals and the correlation of the estimates", interactionFit, factorialReport);
LikelihoodRatio lr = FitResult.LikelihoodRatioTest(poissonFit, interactionFit);
Console.WriteLine($"Does the wool effect depend on tension? Likelihood-ratio test: statistic {lr.Statistic:F3} on {lr.DegreesOfFreedom} df, p = {lr.PValue:G3}");
Console.WriteLine();

// Export the coefficient table (one row per parameter, as broom::tidy) and the rate ratios, and draw the fit.
TidyTable table = interactionFit.Tidy(factorialReport);
foreach (string file in new[] { "warpbreaks_coefficients.csv", "warpbreaks_coefficients.json", "warpbreaks_coefficients.md" })
{
    table.Save(Path.Combine(output, file));
}

interactionFit.Tidy(new ReportOptions { Exponentiate = true }).Save(Path.Combine(output, "warpbreaks_rate_ratios.csv"));
PlotFile.Save(ProfilePlot.Create(interactionFit, "woolB"), Path.Combine(output, "warpbreaks_profile_woolB.png"));
// Fitted means and Pearson residuals (y − μ̂)/√Var̂(y) of the fitted model, as R's fitted() and residuals(fit, "pearson").
double[] fitted = interactionFit.FittedValues;
double[] pearson = interactionFit.Residuals(ResidualKind.Pearson);
PlotFile.Save(ResidualPlot.VersusFitted(fitted, pearson, "Pearson residuals"), Path.Combine(output, "warpbreaks_residuals.svg"));
PlotFile.Save(ResidualPlot.NormalQQ(pearson, "Pearson residuals"), Path.Combine(output, "warpbreaks_qq.png"));
Console.WriteLine("Coefficient table (Markdown, 4 significant digits):");
Console.WriteLine(table.ToMarkdown(significantDigits: 4));
Console.WriteLine($"Wrote the table as CSV, JSON and Markdown, a profile plot, residuals vs fitted and a Q-Q plot to {output}");
Console.WriteLine();

var stackloss = CsvTable.Load("laplace_lad_stackloss");
string[] stacklossColumns = ["air_flow", "water_temp", "acid_conc"];
var laplace = new LaplaceRegression { X = stackloss.Matrix(stacklossColumns), Y = stackloss.Column("stack_loss"), Columns = stacklossColumns, Beta = new double[3], Scale = 5 };
Show("Stack loss ~ air flow + water temperature + acid (Laplace: least absolute deviations, robust to outliers), R datasets::stackloss", laplace.Fit(new FitOptions { Covariance = CovarianceKind.Expected }));

// Survival with censoring: patients alive at the end of follow-up are right-censored (their time is a lower bound).
// The median survival time of a 60-year-old woman is a [Derived] quantity: estimate and delta-method SE.
var lung = CsvTable.Load("lung");
var survival = new WeibullSurvival
{
    X = lung.Matrix("age", "female"),
    Columns = ["age", "female"],
    Time = lung.Column("time"),
    Censored = Array.ConvertAll(lung.IntColumn("censored"), c => c != 0),
    Beta = new double[2],
    Intercept = 5,
};
FitResult survivalFit = survival.Fit();
Show("Lung cancer survival ~ age + sex (Weibull, right-censored: survival::survreg), R survival::lung", survivalFit);
ParameterEstimate median = survivalFit.Derived["MedianSurvival"];
(double medianLower, double medianUpper) = survivalFit.ProfileInterval("MedianSurvival");
Console.WriteLine($"Median survival of a 60-year-old woman: {median.Estimate:F1} days (SE {median.StandardError:F1}; 95 % Wald CI {median.Lower:F1} to {median.Upper:F1}, profile-likelihood CI {medianLower:F1} to {medianUpper:F1})");
Console.WriteLine();

static void Show(string title, FitResult fit, ReportOptions? report = null)
{
    Console.WriteLine(title);
    Console.WriteLine(new string('=', Math.Min(title.Length, 100)));
    Console.WriteLine(fit.Summary(report));
    Console.WriteLine();
}
