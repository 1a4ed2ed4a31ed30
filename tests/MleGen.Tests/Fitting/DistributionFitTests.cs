using System;
using System.Linq;
using MleGen.Tests.Fitting.TestModels;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>iid distribution fits with bounded parameters: profile intervals end on the natural scale, expected vs observed information.</summary>
public class DistributionFitTests
{
    private static ParameterInfo Positive(string name) => new(name, 0, double.PositiveInfinity, -1);

    private const double EulerGamma = 0.57721566490153286;

    public static TheoryData<string> Cases() => new() { "gamma_dist_precip", "weibull_groundbeef", "student_t_dax" };

    private static (JetDensityModel Model, string[] Names) Create(ReferenceCase c)
    {
        switch (c.Name)
        {
            case "gamma_dist_precip":
                return (new JetDensityModel([Positive("shape"), Positive("rate")], [1, 1], c.Columns["precip"],
                    (t, y) => (t[0] * Jet.Log(t[1])) + ((t[0] - 1) * Math.Log(y)) - (t[1] * y) - Jet.LogGamma(t[0]),
                    (t, n) => [n * Jet.Trigamma(t[0]), -n / t[1], -n / t[1], n * t[0] / (t[1] * t[1])]), ["shape", "rate"]);
            case "weibull_groundbeef":
                return (new JetDensityModel([Positive("shape"), Positive("scale")], [1, 1], c.Columns["serving"],
                    (t, y) => Jet.Log(t[0]) - (t[0] * Jet.Log(t[1])) + ((t[0] - 1) * Math.Log(y)) - Jet.Exp(t[0] * (Math.Log(y) - Jet.Log(t[1]))),
                    (t, n) =>
                    {
                        double k = t[0], lambda = t[1], cross = -n * (1 - EulerGamma) / lambda;
                        return [n * ((Math.PI * Math.PI / 6) + ((1 - EulerGamma) * (1 - EulerGamma))) / (k * k), cross, cross, n * k * k / (lambda * lambda)];
                    }), ["shape", "scale"]);
            default:
                return (new JetDensityModel([Positive("nu"), new("location", double.NegativeInfinity, double.PositiveInfinity, -1), Positive("scale")], [5, 0, 1], c.Columns["ret"],
                    (t, y) =>
                    {
                        Jet z = (y - t[1]) / t[2];
                        return Jet.LogGamma((t[0] + 1) * 0.5) - Jet.LogGamma(t[0] * 0.5) - (0.5 * Jet.Log(t[0] * Math.PI)) - Jet.Log(t[2])
                            - ((t[0] + 1) * 0.5 * Jet.Log(1 + (z * z / t[0])));
                    }), ["nu", "location", "scale"]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesRIncludingRobustExpectedAndProfile(string name)
    {
        ReferenceCase c = ReferenceCase.Load(name);
        var (model, names) = Create(c);
        FitResult fit = ModelFitter.Fit(model);
        Assert.True(fit.Converged, fit.ToString());
        Assert.Empty(fit.Diagnostics);
        FitResult robust = fit.WithCovariance(CovarianceKind.Sandwich);
        FitResult? expected = model.HasExpectedInformation ? fit.WithCovariance(CovarianceKind.Expected) : null;
        if (!model.HasExpectedInformation)
        {
            // Never the observed information under the expected one's name.
            Assert.Throws<InvalidOperationException>(() => fit.WithCovariance(CovarianceKind.Expected));
        }
        foreach (string n in names)
        {
            Expect.Relative(c.ParameterNumber(n, "estimate"), fit[n].Estimate, c.Tolerance("estimate"), n);
            Expect.Relative(c.ParameterNumber(n, "se"), fit[n].StandardError!.Value, c.Tolerance("se"), n + " se");
            Expect.Relative(c.ParameterNumber(n, "se_robust"), robust[n].StandardError!.Value, c.Tolerance("se_robust"), n + " se_robust");
            if (expected is not null)
            {
                Expect.Relative(c.ParameterNumber(n, "se_expected"), expected[n].StandardError!.Value, c.Tolerance("se"), n + " se_expected");
            }

            var (lo, hi) = c.ParameterPair(n, "ci95_profile");
            var (lower, upper) = fit.ProfileInterval(n);
            Expect.Relative(lo, lower, c.Tolerance("ci95_profile"), n + " profile lower");
            Expect.Relative(hi, upper, c.Tolerance("ci95_profile"), n + " profile upper");
        }

        Expect.Relative(c.Number("loglik"), fit.LogLikelihood, c.Tolerance("loglik"), "loglik");
        Expect.Relative(c.Number("aic"), fit.Aic, c.Tolerance("loglik"), "aic");
        Expect.Relative(c.Number("bic"), fit.Bic, c.Tolerance("loglik"), "bic");
    }
}
