using System;
using System.Linq;
using MleGen.Tests.Fitting;
using MleGen.Tests.Reference.Models;
using Xunit;

namespace MleGen.Tests.Reference;

/// <summary>
/// The NIST StRD nonlinear regressions as Gaussian MLE on generated models, each from NIST's start 1 (far) and
/// start 2 (near); sigma starts at 1 (the files give no start for it). se is the expected (Gauss–Newton)
/// information, se_observed the exact observed information, as the files state.
/// </summary>
public class NistReferenceTests
{
    private static double S(ReferenceCase c, string parameter, string start) => c.ParameterNumber(parameter, start);

    /// <summary>
    /// Bennett5's observed information is nearly singular once the residual-curvature term is in: moving
    /// the estimate by 1e-8 (relative) from the 11-digit certified values to the optimum changes the
    /// observed-information SEs by 1 % (checked at 60 digits). The file computes se_observed at the
    /// certified values, where <see cref="ReferenceCheck.AtReferenceEstimate"/> holds it to the file's
    /// tolerance; at the fitted optimum it can only agree to that sensitivity.
    /// </summary>
    private const double Bennett5ObservedAtOptimum = 2e-2;

    private static void Check(ReferenceCase c, string start, IMleModel model, Func<FitOptions, FitResult> fitWith, double? observedAtFitTolerance = null)
    {
        FitResult fit = fitWith(new FitOptions { Method = FitMethod.Newton, Covariance = CovarianceKind.Expected });
        var check = new ReferenceCheck(c, start);
        var names = c.Root.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Name)).ToArray();
        check.Fit(fit);
        check.Parameters(fit, names);
        check.Summary(fit);
        check.StandardErrors(fit, CovarianceKind.Observed, names, "se_observed", observedAtFitTolerance ?? c.Tolerance("se_observed", "se"));

        // The files compute se_observed at the certified estimate (11 digits), not at an optimum: evaluate the generated
        // model there too, which separates the model/information layer from where the optimizer stopped.
        check.AtReferenceEstimate(model, names, "se", observed: false);
        check.AtReferenceEstimate(model, names, "se_observed", observed: true, loglik: false);
        check.AssertAll();
    }

    private static double[] X(ReferenceCase c) => c.Columns["x"];

    private static double[] Y(ReferenceCase c) => c.Columns["y"];

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Misra1a(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_misra1a");
        var model = new Misra1aModel { X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start) };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Chwirut2(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_chwirut2");
        var model = new Chwirut2Model { X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start) };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Kirby2(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_kirby2");
        var model = new Kirby2Model
        {
            X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start),
            b4 = S(c, "b4", start), b5 = S(c, "b5", start),
        };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Mgh09(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_mgh09");
        var model = new Mgh09Model
        {
            X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start), b4 = S(c, "b4", start),
        };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Thurber(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_thurber");
        var model = new ThurberModel
        {
            X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start), b4 = S(c, "b4", start),
            b5 = S(c, "b5", start), b6 = S(c, "b6", start), b7 = S(c, "b7", start),
        };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Eckerle4(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_eckerle4");
        var model = new Eckerle4Model { X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start) };
        Check(c, start, model, model.Fit);
    }

    [Theory]
    [InlineData("start1")]
    [InlineData("start2")]
    public void Bennett5(string start)
    {
        ReferenceCase c = ReferenceCase.Load("nist_bennett5");
        var model = new Bennett5Model { X = X(c), Y = Y(c), b1 = S(c, "b1", start), b2 = S(c, "b2", start), b3 = S(c, "b3", start) };
        Check(c, start, model, model.Fit, Bennett5ObservedAtOptimum);
    }
}
