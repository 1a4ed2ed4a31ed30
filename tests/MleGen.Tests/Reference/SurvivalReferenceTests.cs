using System.Linq;
using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>Censored likelihoods fitted on generated models against R's survival::survreg (tests/data/reference/weibull_survreg_lung).</summary>
public class SurvivalReferenceTests
{
    internal static WeibullSurvregLungModel Lung(ReferenceCase c) => new()
    {
        Time = c.Columns["time"],
        Censored = c.Columns["censored"].Select(v => v != 0).ToArray(),
        Age = c.Columns["age"],
        Female = c.Columns["female"],
    };

    [Fact]
    public void WeibullSurvregLung()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_survreg_lung");
        var model = Lung(c);
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, ReferenceCheck.Same("intercept", "age", "female", "shape"));
        check.Summary(fit);
        check.AssertAll();
    }

    [Fact]
    public void DerivedMedianSurvivalMatchesSurvregPredict()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_survreg_lung");
        FitResult fit = Lung(c).Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var expected = c.Root.GetProperty("derived").GetProperty("median_60_female");
        double tolerance = c.Tolerance("derived");
        var check = new ReferenceCheck(c, "derived");
        ParameterEstimate median = fit.Derived["Median60Female"];
        check.Relative("derived.estimate", "median", expected.GetProperty("estimate").GetDouble(), median.Estimate, tolerance);
        check.Relative("derived.se", "median", expected.GetProperty("se").GetDouble(), median.StandardError ?? double.NaN, tolerance);
        check.Relative("derived.se_predict_survreg", "median", expected.GetProperty("se_predict_survreg").GetDouble(), median.StandardError ?? double.NaN, tolerance);
        check.Relative("derived.ci95_wald", "median lower", expected.GetProperty("ci95_wald")[0].GetDouble(), median.Lower ?? double.NaN, tolerance);
        check.Relative("derived.ci95_wald", "median upper", expected.GetProperty("ci95_wald")[1].GetDouble(), median.Upper ?? double.NaN, tolerance);
        check.AssertAll();
        Assert.Contains("Derived quantities", fit.Summary(), System.StringComparison.Ordinal);

        // The block's header keeps a space between every column label (the profile labels once ran into the Wald ones).
        string header = fit.Summary().Split('\n').SkipWhile(line => !line.StartsWith("Derived quantities", System.StringComparison.Ordinal)).ElementAt(1);
        Assert.Contains(" Wald 2.5 % ", header, System.StringComparison.Ordinal);
        Assert.Contains(" 97.5 % ", header, System.StringComparison.Ordinal);
        Assert.Contains(" Profile 2.5 % ", header, System.StringComparison.Ordinal);
        Assert.DoesNotContain("%Profile", header, System.StringComparison.Ordinal);
        Assert.Contains("Median60Female", fit.Summary(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedProfileIntervalMatchesRsConstrainedMaximization()
    {
        // R maximizes the censored Weibull likelihood with the intercept solved from median = t (reference.R), then
        // finds where 2(ℓ̂ − ℓ(t)) = χ²₁(0.95); here the augmented Lagrangian over the fitter, without a reparametrization.
        ReferenceCase c = ReferenceCase.Load("weibull_survreg_lung");
        FitResult fit = Lung(c).Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var expected = c.Root.GetProperty("derived").GetProperty("median_60_female").GetProperty("ci95_profile");
        double tolerance = c.Tolerance("derived_profile");
        (double lower, double upper) = fit.ProfileInterval("Median60Female");
        var check = new ReferenceCheck(c, "derived");
        check.Relative("derived.ci95_profile", "median lower", expected[0].GetDouble(), lower, tolerance);
        check.Relative("derived.ci95_profile", "median upper", expected[1].GetDouble(), upper, tolerance);
        check.AssertAll();

        // Invariant to how the quantity is written: the log median's ends are the logs of the median's (the Wald ones are not).
        (double logLower, double logUpper) = fit.ProfileInterval("LogMedian60Female");
        Assert.True(System.Math.Abs(System.Math.Exp(logLower) - lower) <= 1e-7 * lower, $"exp(log-median lower) {System.Math.Exp(logLower)}, median lower {lower}");
        Assert.True(System.Math.Abs(System.Math.Exp(logUpper) - upper) <= 1e-7 * upper, $"exp(log-median upper) {System.Math.Exp(logUpper)}, median upper {upper}");

        // The summary's block prints both intervals.
        string summary = fit.Summary();
        Assert.Contains("Wald and profile-likelihood 95 % intervals", summary, System.StringComparison.Ordinal);
        Assert.Contains(lower.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), summary, System.StringComparison.Ordinal);
        Assert.Contains(upper.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), summary, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedGradientAndDeltaMethodSeMatchFiniteDifferencesOfTheProperty()
    {
        ReferenceCase c = ReferenceCase.Load("weibull_survreg_lung");
        var model = Lung(c);
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        double[] theta = fit.Parameters.Select(p => p.Estimate).ToArray();
        var gradient = new double[theta.Length];
        double value = ((IDerivedQuantities)model).EvaluateDerived(0, theta, gradient);

        // The property itself is plain C# over the fields (which hold θ̂ after the fit): central differences of it.
        Assert.Equal(model.Median60Female, value, 10);
        var fd = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            double h = 1e-6 * System.Math.Max(1, System.Math.Abs(theta[k]));
            double up = WithParameter(model, theta, k, theta[k] + h);
            double down = WithParameter(model, theta, k, theta[k] - h);
            fd[k] = (up - down) / (2 * h);
            Assert.True(System.Math.Abs(fd[k] - gradient[k]) <= 1e-6 * System.Math.Max(1, System.Math.Abs(fd[k])), $"d median / d {fit.Parameters[k].Name}: generated {gradient[k]}, differences {fd[k]}");
        }

        double variance = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            for (int j = 0; j < theta.Length; j++)
            {
                variance += fd[i] * fit.Covariance[i, j] * fd[j];
            }
        }

        double se = fit.Derived["Median60Female"].StandardError!.Value;
        Assert.True(System.Math.Abs(System.Math.Sqrt(variance) - se) <= 1e-6 * se, $"delta-method se {se}, from differences {System.Math.Sqrt(variance)}");
    }

    private static double WithParameter(WeibullSurvregLungModel model, double[] theta, int k, double value)
    {
        var t = (double[])theta.Clone();
        t[k] = value;
        ((IMleModel)model).WriteParameters(t);
        double result = model.Median60Female;
        ((IMleModel)model).WriteParameters(theta);
        return result;
    }

    [Fact]
    public void ZeroTruncatedPoissonInsectSprays()
    {
        ReferenceCase c = ReferenceCase.Load("ztpoisson_insectsprays");
        var model = new ZeroTruncatedInsectSpraysModel
        {
            Count = ReferenceCheck.Ints(c.Columns["count"]),
            SprayB = c.Columns["sprayB"], SprayC = c.Columns["sprayC"], SprayD = c.Columns["sprayD"],
            SprayE = c.Columns["sprayE"], SprayF = c.Columns["sprayF"],
        };
        FitResult fit = model.Fit(new FitOptions { Covariance = CovarianceKind.Observed });
        var check = new ReferenceCheck(c);
        check.Fit(fit);
        check.Parameters(fit, ReferenceCheck.Same("intercept", "sprayB", "sprayC", "sprayD", "sprayE", "sprayF"));
        check.Summary(fit);
        check.AssertAll();
    }
}
