using System;
using System.Linq;
using MathNet.Numerics.RootFinding;
using Xunit;

namespace MleGen.Tests.Fitting;

/// <summary>Profile intervals of simplex members and of parameters on a bound, against closed forms.</summary>
public class ProfileBoundaryTests
{
    private const double Chi95 = 3.841458820694124;

    /// <summary>
    /// Holding one class probability at t and rescaling the others proportionally is exact for a multinomial: the others'
    /// maximum given t is (1 − t)·nᵢ/(n − nⱼ), so the profile deviance is the binomial one,
    /// 2[nⱼ log(p̂ⱼ/t) + (n − nⱼ) log((1 − p̂ⱼ)/(1 − t))].
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void ASimplexMembersProfileIsTheBinomialOne(int member)
    {
        int[] counts = [12, 30, 8, 50];
        int n = counts.Sum();
        int[] y = counts.SelectMany((c, k) => Enumerable.Repeat(k, c)).ToArray();
        var model = new SimplexCategoricalModel { Y = y, P = [0.25, 0.25, 0.25, 0.25] };
        FitResult fit = model.Fit();
        Assert.True(fit.Converged, fit.ToString());

        double nj = counts[member], pHat = nj / n;
        double Deviance(double t) => (2 * ((nj * Math.Log(pHat / t)) + ((n - nj) * Math.Log((1 - pHat) / (1 - t))))) - Chi95;
        double lower = Brent.FindRoot(Deviance, 1e-12, pHat, 1e-15);
        double upper = Brent.FindRoot(Deviance, pHat, 1 - 1e-12, 1e-15);

        (double Lower, double Upper) profile = fit.ProfileInterval($"P[{member}]");
        Assert.Equal(lower, profile.Lower, 1e-8);
        Assert.Equal(upper, profile.Upper, 1e-8);
    }

    /// <summary>
    /// μ ≥ 0 on data with a negative mean: the estimate is on the bound (as near 0 as the log coordinate gets), the profile
    /// at the bound is inside the threshold, so the interval's lower end is the bound itself; its upper end solves
    /// n·log(S(t)/S(0)) = χ²₁ with S(t) = Σ(yᵢ − t)² (σ profiled out), a quadratic in t.
    /// </summary>
    [Fact]
    public void AParameterOnItsBoundHasTheBoundAsItsEnd()
    {
        double[] y = [-0.8, 0.3, -1.9, 0.6, -0.2, -1.1, 0.9, -0.5, -1.4, 0.1, -0.7, 0.4];
        int n = y.Length;
        var model = new NonNegativeMeanModel { Y = y };
        FitResult fit = model.Fit();
        Assert.True(fit["Mu"].Estimate < 1e-6, fit.ToString());

        (double Lower, double Upper) profile = fit.ProfileInterval("Mu");
        double sum = y.Sum(), s0 = y.Sum(v => v * v);
        double c = s0 * (1 - Math.Exp(Chi95 / n));
        double upper = ((2 * sum) + Math.Sqrt((4 * sum * sum) - (4 * n * c))) / (2 * n);
        Assert.Equal(0.0, profile.Lower);
        Assert.Equal(upper, profile.Upper, 1e-7);
    }
}
