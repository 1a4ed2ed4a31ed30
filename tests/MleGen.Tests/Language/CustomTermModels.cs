using System;
using MleGen.Tests.EndToEnd.Models;

namespace MleGen.Tests.Language;

// [LogLikelihood] terms: a custom term that is the Normal log density written out by hand (so the generated code
// must give exactly the Normal family's NLL, derivatives and fit), and a single term added to a family term.

/// <summary>y ~ Normal(A + B·x, Sigma) written as a custom term over the rows of Y.</summary>
[Model]
public partial class CustomNormalModel : IOracleModel
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [LogLikelihood(nameof(Y))]
    internal double Density(int i)
    {
        var z = (Y[i] - (A + B * x[i])) / Sigma;
        return -HalfLogTwoPi - Math.Log(Sigma) - 0.5 * z * z;
    }

    public double OracleNll()
    {
        double nll = 0;
        for (int i = 0; i < Y.Length; i++)
        {
            nll -= new Normal(A + B * x[i], Sigma).LogDensity(Y[i]);
        }

        return nll;
    }
}

/// <summary>The same regression with the Normal family: the custom term's reference.</summary>
[Model]
public partial class FamilyNormalModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required double[] Y { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Sigma = 1;

    [Likelihood(nameof(Y))]
    internal Normal Observation(int i) => new(A + B * x[i], Sigma);
}

/// <summary>
/// A Poisson regression plus one custom term, a Gaussian penalty on B written as a log-likelihood term
/// (the same as a Normal(1, 2) prior on B), and a per-row custom term over the same rows with data-only parts.
/// </summary>
[Model]
public partial class PenalizedPoissonModel : IOracleModel
{
    [Data] public required double[] x { get; init; }
    [Data] public required int[] Count { get; init; }
    [Data] public required double[] Exposure { get; init; }
    [Param] public double A;
    [Param] public double B;
    [Param(Lower = 0)] public double Tau = 1;

    [Likelihood(nameof(Count))]
    internal PoissonLog Observation(int i) => new(A + B * x[i] + Math.Log(Exposure[i]));

    [LogLikelihood]
    internal double Penalty() => -0.125 * Functions.Square(B - 1) - Math.Log(Tau) - Tau * Tau;

    [LogLikelihood(nameof(Count))]
    internal double Extra(int i) => Count[i] > 2 ? Math.Log(Exposure[i]) * Math.Tanh(Tau * A) : -Math.Exp(-Tau) * x[i];

    public double OracleNll()
    {
        double nll = 0.125 * (B - 1) * (B - 1) + Math.Log(Tau) + Tau * Tau;
        for (int i = 0; i < Count.Length; i++)
        {
            nll -= new PoissonLog(A + B * x[i] + Math.Log(Exposure[i])).LogDensity(Count[i]);
            nll -= Count[i] > 2 ? Math.Log(Exposure[i]) * Math.Tanh(Tau * A) : -Math.Exp(-Tau) * x[i];
        }

        return nll;
    }
}
