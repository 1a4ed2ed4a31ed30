using System;
using MleGen;
using static MleGen.Functions;

namespace MleGen.Tests.Families.Boundary;

// One small model per family, observing double data (so non-integer and non-finite probes reach the
// support check); the parameters hold the values the probes are evaluated at.

public interface IBoundaryModel : IMleModel
{
    double[] Y { get; set; }

    /// <summary>−Σ log p(Y[i]) by the family's own LogDensity (the oracle).</summary>
    double OracleNll();
}

[Model] public partial class NormalBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double M = 0.3;
    [Param(Lower = 0)] public double S = 1.7;
    [Likelihood(nameof(Y))] internal Normal Obs(int i) => new(M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class LaplaceBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double M = 0.3;
    [Param(Lower = 0)] public double S = 1.7;
    [Likelihood(nameof(Y))] internal Laplace Obs(int i) => new(M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class StudentTBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Nu = 3;
    [Param] public double M = 0.3;
    [Param(Lower = 0)] public double S = 1.7;
    [Likelihood(nameof(Y))] internal StudentT Obs(int i) => new(Nu, M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class CauchyBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double M = 0.3;
    [Param(Lower = 0)] public double S = 1.7;
    [Likelihood(nameof(Y))] internal Cauchy Obs(int i) => new(M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class LogNormalBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double M = 0.3;
    [Param(Lower = 0)] public double S = 1.7;
    [Likelihood(nameof(Y))] internal LogNormal Obs(int i) => new(M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class ExponentialBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Rate = 1.3;
    [Likelihood(nameof(Y))] internal Exponential Obs(int i) => new(Rate);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class GammaBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Shape = 1;
    [Param(Lower = 0)] public double Rate = 1.3;
    [Likelihood(nameof(Y))] internal Gamma Obs(int i) => new(Shape, Rate);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class WeibullBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Shape = 1;
    [Param(Lower = 0)] public double Scale = 1;
    [Likelihood(nameof(Y))] internal Weibull Obs(int i) => new(Shape, Scale);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BetaBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double A = 1;
    [Param(Lower = 0)] public double B = 1;
    [Likelihood(nameof(Y))] internal Beta Obs(int i) => new(A, B);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BernoulliBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0, Upper = 1)] public double P = 0.3;
    [Likelihood(nameof(Y))] internal Bernoulli Obs(int i) => new(P);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BernoulliLogitBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double Eta = 0.4;
    [Likelihood(nameof(Y))] internal BernoulliLogit Obs(int i) => new(Eta);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BernoulliProbitBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double Eta = 0.4;
    [Likelihood(nameof(Y))] internal BernoulliProbit Obs(int i) => new(Eta);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BinomialBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Data] public int[] N = [];
    [Param(Lower = 0, Upper = 1)] public double P = 0.3;
    [Likelihood(nameof(Y))] internal Binomial Obs(int i) => new(N[i], P);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class BinomialLogitBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Data] public int[] N = [];
    [Param] public double Eta = 0.4;
    [Likelihood(nameof(Y))] internal BinomialLogit Obs(int i) => new(N[i], Eta);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class PoissonBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Rate = 2.5;
    [Likelihood(nameof(Y))] internal Poisson Obs(int i) => new(Rate);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class PoissonLogBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double Eta = 0.9;
    [Likelihood(nameof(Y))] internal PoissonLog Obs(int i) => new(Eta);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class NegativeBinomialBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0)] public double Mu = 2.5;
    [Param(Lower = 0)] public double Phi = 1.5;
    [Likelihood(nameof(Y))] internal NegativeBinomial Obs(int i) => new(Mu, Phi);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

// Class observations are int data (the generator does not accept double class labels), so the probes are integers.
[Model] public partial class CategoricalBoundary : IBoundaryModel
{
    [Data] public int[] Classes = [];
    [Param] public double[] L = [0.2, -0.5];

    public double[] Y
    {
        get => Array.ConvertAll(Classes, c => (double)c);
        set => Classes = Array.ConvertAll(value, v => checked((int)v));
    }

    [Likelihood(nameof(Classes))] internal CategoricalLogits Obs(int i) => CategoricalLogits.Of(3, k => k == 0 ? 0 : L[k - 1]);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Classes[i]));
}

[Model] public partial class NormalMixtureBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Simplex = true)] public double[] W = [0.3, 0.7];
    [Param] public double[] M = [-1, 2];
#pragma warning disable MLE0102 // evaluated at fixed values against the family's density, never fitted
    [Param(Lower = 0)] public double[] S = [0.5, 1.5];
#pragma warning restore MLE0102
    [Likelihood(nameof(Y))] internal NormalMixture Obs(int i) => new(W, M, S);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class ZeroInflatedPoissonBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0, Upper = 1)] public double Pi = 0.3;
    [Param(Lower = 0)] public double Rate = 2.5;
    [Likelihood(nameof(Y))] internal ZeroInflatedPoisson Obs(int i) => new(Pi, Rate);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

[Model] public partial class ZeroInflatedNegativeBinomialBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param(Lower = 0, Upper = 1)] public double Pi = 0.3;
    [Param(Lower = 0)] public double Mu = 2.5;
    [Param(Lower = 0)] public double Phi = 1.5;
    [Likelihood(nameof(Y))] internal ZeroInflatedNegativeBinomial Obs(int i) => new(Pi, Mu, Phi);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}

// Class observations are int data, as for CategoricalLogits: the probes are integers.
[Model] public partial class OrderedLogisticBoundary : IBoundaryModel
{
    [Data] public int[] Classes = [];
    [Param] public double Eta = 0.3;
    [Param(Ordered = true)] public double[] Cuts = [-0.5, 1];

    public double[] Y
    {
        get => Array.ConvertAll(Classes, c => (double)c);
        set => Classes = Array.ConvertAll(value, v => checked((int)v));
    }

    [Likelihood(nameof(Classes))] internal OrderedLogistic Obs(int i) => new(Eta, Cuts);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Classes[i]));
}

internal static class Oracle
{
    public static double Nll(double[] y, Func<int, double> logDensity)
    {
        double nll = 0;
        for (int i = 0; i < y.Length; i++)
        {
            nll -= logDensity(i);
        }

        return nll;
    }
}

[Model] public partial class GumbelBoundary : IBoundaryModel
{
    [Data] public double[] Y { get; set; } = [];
    [Param] public double Location;
    [Param(Lower = 0)] public double Scale = 1;
    [Likelihood(nameof(Y))] internal Gumbel Obs(int i) => new(Location, Scale);
    public double OracleNll() => Oracle.Nll(Y, i => Obs(i).LogDensity(Y[i]));
}
