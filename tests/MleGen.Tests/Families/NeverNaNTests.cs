using System;
using System.Collections.Generic;
using Xunit;

namespace MleGen.Tests.Families;

/// <summary>Every family, over a grid of valid parameters and awkward observations: the log density is never NaN or +∞ for discrete families.</summary>
public class NeverNaNTests
{
    private static readonly double[] Observations =
        [double.NaN, double.NegativeInfinity, double.PositiveInfinity, -1e300, -3, -1, -0.5, 0, 1e-300, 0.5, 1, 2, 3, 17, 1e6, 1e300];

    private static readonly double[] Positives = [1e-300, 1e-8, 0.3, 1, 7.5, 1e6, 1e300];
    private static readonly double[] Reals = [-1e6, -800, -5, -0.1, 0, 2, 40, 800];
    private static readonly double[] Probabilities = [0, 1e-12, 0.3, 1 - 1e-12, 1];

    private static IEnumerable<IObservationFamily> Families()
    {
        foreach (double a in Positives)
        {
            yield return new Exponential(a);
            yield return new Poisson(a);
            foreach (double b in Positives)
            {
                yield return new Gamma(a, b);
                yield return new Weibull(a, b);
                yield return new Beta(a, b);
                yield return new NegativeBinomial(a, b);
                yield return new StudentT(a, 0, b);
            }

            foreach (double r in Reals)
            {
                yield return new Normal(r, a);
                yield return new Laplace(r, a);
                yield return new Cauchy(r, a);
                yield return new LogNormal(r, a);
            }
        }

        foreach (double r in Reals)
        {
            yield return new BernoulliLogit(r);
            yield return new BernoulliProbit(r);
            yield return new BinomialLogit(5, r);
            yield return new PoissonLog(r);
            yield return CategoricalLogits.Of(3, k => r * k);
        }

        foreach (double p in Probabilities)
        {
            yield return new Bernoulli(p);
            yield return new Binomial(5, p);
            yield return new Binomial(0, p);
        }

        yield return new Poisson(0);
        yield return new NegativeBinomial(0, 2);
        yield return new NormalMixture([0.25, 0, 0.75], [-1, 0, 3], [1e-8, 1, 1e6]);
    }

    [Fact]
    public void LogDensityIsNeverNaN()
    {
        var failures = new List<string>();
        foreach (var family in Families())
        {
            foreach (double y in Observations)
            {
                double value = family.LogDensity(y);
                if (double.IsNaN(value)) { failures.Add($"{family.GetType().Name} {Describe(family)} at y = {y} gave NaN"); }
                if (family is Bernoulli or BernoulliLogit or BernoulliProbit or Binomial or BinomialLogit or Poisson or PoissonLog or NegativeBinomial or CategoricalLogits)
                {
                    if (value > 0)
                    {
                        failures.Add($"{family.GetType().Name} {Describe(family)} at y = {y} gave {value}, a probability above 1");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Describe(IObservationFamily family) => family switch
    {
        Weibull w => $"(shape {w.Shape}, scale {w.Scale})",
        Gamma g => $"({g.Shape}, {g.Rate})",
        Beta b => $"({b.Alpha}, {b.BetaParameter})",
        NegativeBinomial n => $"({n.Mean}, {n.Dispersion})",
        StudentT t => $"({t.Nu}, {t.Scale})",
        Normal n => $"({n.Mean}, {n.Sd})",
        Laplace l => $"({l.Location}, {l.Scale})",
        Cauchy c => $"({c.Location}, {c.Scale})",
        LogNormal l => $"({l.Mu}, {l.Sigma})",
        Poisson p => $"({p.Rate})",
        Exponential e => $"({e.Rate})",
        _ => string.Empty,
    };

    [Fact]
    public void ZeroTrialsPutAllMassOnZero()
    {
        Assert.Equal(0, new Binomial(0, 0.3).LogDensity(0), 14);
        Assert.Equal(double.NegativeInfinity, new Binomial(0, 0.3).LogDensity(1));
        Assert.Equal(0, new BinomialLogit(0, 1.5).LogDensity(0), 14);
    }
}
