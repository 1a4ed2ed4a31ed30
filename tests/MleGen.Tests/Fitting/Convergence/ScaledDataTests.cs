using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Tests.Reference;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Fitting.Convergence;

/// <summary>
/// Convergence does not depend on the data's units: the reference cases with a response or covariates
/// multiplied by 1e8 or 1e-8 reach, with every method, R's estimates mapped to the new units (a coefficient of a
/// covariate × c becomes β/c; a response × c moves a log-link intercept by log c and a Gaussian mean and sd by ×c).
/// Before, Newton stopped at the start (β = 0) on y × 1e8: its gradient test was relative to an enormous |f|.
/// </summary>
public class ScaledDataTests
{
    public static TheoryData<string, double, FitMethod> Cases
    {
        get
        {
            var data = new TheoryData<string, double, FitMethod>();
            foreach (string name in new[] { "LinearResponse", "LinearCovariate", "LogisticCovariates", "PoissonCovariates", "GammaResponse", "GammaCovariates" })
            {
                foreach (double scale in new[] { 1e8, 1e-8 })
                {
                    foreach (FitMethod method in new[] { FitMethod.Lbfgs, FitMethod.Newton, FitMethod.FisherScoring })
                    {
                        data.Add(name, scale, method);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScaledDataReachTheUnscaledEstimatesMappedBack(string name, double c, FitMethod method)
    {
        var (model, reference, expected, logLikShift) = Build(name, c);
        FitResult fit = ((Func<FitOptions, FitResult>)model)(new FitOptions { Method = method });
        Assert.True(fit.Converged, $"{name} × {c:G1}, {method}: {fit.ConvergenceReason}, |g| = {fit.GradientNorm:G3}, {fit.Iterations} iterations");
        foreach (var (parameter, value) in expected)
        {
            double ours = fit[parameter].Estimate;
            Assert.True(Math.Abs(ours - value) <= 1e-6 * Math.Abs(value), $"{name} × {c:G1}, {method}: {parameter} = {ours:R}, expected {value:R} (iterations {fit.Iterations}, {fit.ConvergenceReason})");
        }

        double logLik = reference.Root.GetProperty("loglik").GetDouble() + logLikShift;
        Assert.True(Math.Abs(fit.LogLikelihood - logLik) <= 1e-8 * Math.Abs(logLik), $"{name} × {c:G1}, {method}: logLik {fit.LogLikelihood:R}, expected {logLik:R}");
    }

    /// <summary>The model's Fit on the scaled data, the reference case, R's estimates in the scaled units, and the shift of the log-likelihood (−n·log c for a continuous response × c).</summary>
    private static (Delegate Fit, ReferenceCase Case, List<(string, double)> Expected, double LogLikShift) Build(string name, double c)
    {
        static double[] Times(double[] x, double c) => x.Select(v => v * c).ToArray();
        switch (name)
        {
            case "LinearResponse":
            case "LinearCovariate":
            {
                var r = ReferenceCase.Load("ols_cars");
                bool response = name == "LinearResponse";
                var model = new OlsCarsModel { Speed = response ? r.Columns["speed"] : Times(r.Columns["speed"], c), Dist = response ? Times(r.Columns["dist"], c) : r.Columns["dist"] };
                double yScale = response ? c : 1;
                return ((Func<FitOptions, FitResult>)(o => model.Fit(o)), r,
                [
                    ("intercept", r.ParameterNumber("intercept", "estimate") * yScale),
                    ("speed", r.ParameterNumber("speed", "estimate") * yScale / (response ? 1 : c)),
                    ("sigma", r.ParameterNumber("sigma", "estimate") * yScale),
                ], response ? -r.RowCount * Math.Log(c) : 0);
            }

            case "LogisticCovariates":
            {
                var r = ReferenceCase.Load("logistic_mtcars");
                var model = new LogisticMtcarsModel { Am = ReferenceCheck.Ints(r.Columns["am"]), Wt = Times(r.Columns["wt"], c), Hp = Times(r.Columns["hp"], c) };
                return ((Func<FitOptions, FitResult>)(o => model.Fit(o)), r,
                [
                    ("intercept", r.ParameterNumber("intercept", "estimate")),
                    ("wt", r.ParameterNumber("wt", "estimate") / c),
                    ("hp", r.ParameterNumber("hp", "estimate") / c),
                ], 0);
            }

            case "PoissonCovariates":
            {
                var r = ReferenceCase.Load("poisson_warpbreaks");
                var model = new PoissonWarpbreaksModel
                {
                    Breaks = ReferenceCheck.Ints(r.Columns["breaks"]),
                    WoolB = Times(r.Columns["woolB"], c),
                    TensionM = Times(r.Columns["tensionM"], c),
                    TensionH = Times(r.Columns["tensionH"], c),
                };
                return ((Func<FitOptions, FitResult>)(o => model.Fit(o)), r,
                [
                    ("intercept", r.ParameterNumber("intercept", "estimate")),
                    ("woolB", r.ParameterNumber("woolB", "estimate") / c),
                    ("tensionM", r.ParameterNumber("tensionM", "estimate") / c),
                    ("tensionH", r.ParameterNumber("tensionH", "estimate") / c),
                ], 0);
            }

            case "GammaResponse":
            case "GammaCovariates":
            {
                var r = ReferenceCase.Load("gamma_glm_trees");
                bool response = name == "GammaResponse";
                var model = new GammaGlmTreesModel
                {
                    Volume = response ? Times(r.Columns["volume"], c) : r.Columns["volume"],
                    Girth = response ? r.Columns["girth"] : Times(r.Columns["girth"], c),
                    Height = response ? r.Columns["height"] : Times(r.Columns["height"], c),
                };
                double slope = response ? 1 : 1 / c;
                return ((Func<FitOptions, FitResult>)(o => model.Fit(o)), r,
                [
                    ("intercept", r.ParameterNumber("intercept", "estimate") + (response ? Math.Log(c) : 0)),
                    ("girth", r.ParameterNumber("girth", "estimate") * slope),
                    ("height", r.ParameterNumber("height", "estimate") * slope),
                    ("shape", r.ParameterNumber("shape", "estimate")),
                ], response ? -r.RowCount * Math.Log(c) : 0);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }
}
