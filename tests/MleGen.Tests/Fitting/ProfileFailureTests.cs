using System;
using System.Linq;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>A profile value the inner fit could not reach is an error, never a silently shortened interval.</summary>
public class ProfileFailureTests
{
    private static GammaModel Model()
    {
        var random = new Random(17);
        double[] x = Enumerable.Range(0, 60).Select(i => i / 60.0).ToArray();
        double[] y = x.Select(v => MathNet.Numerics.Distributions.Gamma.Sample(random, 3, 3 / Math.Exp(0.5 + v))).ToArray();
        return new GammaModel { x = x, Y = y };
    }

    /// <summary>
    /// Started at its own estimate, a fit with one iteration allowed converges at once, but every profile point then has one
    /// Newton step to re-fit the other parameters: its objective is only an upper bound of the profile. Before, that bound
    /// was taken as the profile and the interval came out too short; now the profile says so, naming the parameter.
    /// </summary>
    [Fact]
    public void AnInnerFitThatStopsShortIsAnErrorNamingTheParameter()
    {
        GammaModel model = Model();
        FitResult full = model.Fit();
        Assert.True(full.Converged, full.ToString());
        (double lower, double upper) = full.ProfileInterval("A");
        Assert.True(lower < full["A"].Estimate && full["A"].Estimate < upper, $"[{lower}, {upper}]");

        FitResult capped = model.Fit(new FitOptions { MaxIterations = 1 });
        Assert.True(capped.Converged, capped.ToString());
        Assert.Equal(full["A"].Estimate, capped["A"].Estimate, 1e-9);

        // The intercept's profile moves the slope (x is not centred): one Newton step cannot re-fit it.
        var error = Assert.ThrowsAny<InvalidOperationException>(() => capped.ProfileInterval("A"));
        Assert.Contains("The profile of A could not be computed at", error.Message);
        Assert.Contains("iteration limit reached", error.Message);
        Assert.Contains("MaxIterations", error.Message);
    }

    /// <summary>
    /// The same for a <c>[Derived]</c> quantity's profile (the augmented Lagrangian's fits): with one iteration per fit the
    /// constrained fit reaches g = t but stops short of its minimum, an upper bound of the profile; that is an error naming
    /// the quantity, where it used to be taken as the profile. With the default iterations the interval is there.
    /// </summary>
    [Fact]
    public void ADerivedProfileWhoseFitStopsShortIsAnErrorNamingTheQuantity()
    {
        var c = ReferenceCase.Load("weibull_survreg_lung");
        var model = MleGen.Tests.Reference.SurvivalReferenceTests.Lung(c);
        FitResult full = model.Fit();
        Assert.True(full.Converged, full.ToString());
        (double lower, double upper) = full.ProfileInterval("Median60Female");
        double median = full.Derived["Median60Female"].Estimate;
        Assert.True(lower < median && median < upper, $"[{lower}, {upper}] around {median}");

        FitResult capped = model.Fit(new FitOptions { MaxIterations = 1 });
        Assert.True(capped.Converged, capped.ToString());
        Assert.Equal(median, capped.Derived["Median60Female"].Estimate, 1e-6 * median);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => capped.ProfileInterval("Median60Female"));
        Assert.Contains("The profile of Median60Female could not be computed at", error.Message);
        Assert.Contains("MaxIterations", error.Message);
    }

    /// <summary>The curve leaves such points off instead of plotting upper bounds; with iterations enough every point is there.</summary>
    [Fact]
    public void TheCurveOfAWellBehavedProfileHasEveryPoint()
    {
        GammaModel model = Model();
        FitResult fit = model.Fit();
        ParameterProfile profile = fit.Profile("A", points: 11);
        Assert.True(profile.Points.Count >= 11, profile.Points.Count.ToString());
        Assert.All(profile.Points, p => Assert.True(p.Statistic >= 0 && double.IsFinite(p.Statistic)));
    }
}
