using System;
using MleGen;
using MleGen.Samples;
using MleGen.Samples.Models;

// Four classic models, each a maximum-likelihood fit of a familiar loss:
// least squares = Gaussian, cross-entropy = Bernoulli, counts = Poisson, absolute error = Laplace.

var cars = Csv.Load("ols_cars");
var linear = new LinearRegression { X = cars.Matrix("speed"), Y = cars.Column("dist"), Beta = new double[1], Sigma = 10 };
Show("Stopping distance ~ speed (Gaussian: least squares), R datasets::cars", linear.Fit());

var mtcars = Csv.Load("logistic_mtcars");
var logistic = new LogisticRegression { X = mtcars.Matrix("wt", "hp"), Y = mtcars.IntColumn("am"), Beta = new double[2] };
Show("Manual transmission ~ weight + horsepower (Bernoulli-logit: cross-entropy), R datasets::mtcars", logistic.Fit());

var warpbreaks = Csv.Load("poisson_warpbreaks");
var poisson = new PoissonRegression { X = warpbreaks.Matrix("woolB", "tensionM", "tensionH"), Y = warpbreaks.IntColumn("breaks"), Beta = new double[3] };
var poissonFit = poisson.Fit();
Show("Warp breaks ~ wool + tension (Poisson-log), R datasets::warpbreaks", poissonFit);
Show("The same fit with sandwich (robust) standard errors: overdispersion roughly doubles them", poissonFit.WithCovariance(CovarianceKind.Sandwich));

var stackloss = Csv.Load("laplace_lad_stackloss");
var laplace = new LaplaceRegression { X = stackloss.Matrix("air_flow", "water_temp", "acid_conc"), Y = stackloss.Column("stack_loss"), Beta = new double[3], Scale = 5 };
Show("Stack loss ~ air flow + water temperature + acid (Laplace: least absolute deviations, robust to outliers), R datasets::stackloss", laplace.Fit(new FitOptions { Covariance = CovarianceKind.Expected }));

static void Show(string title, FitResult fit)
{
    Console.WriteLine(title);
    Console.WriteLine(new string('=', Math.Min(title.Length, 100)));
    Console.WriteLine(fit);
    Console.WriteLine();
}
