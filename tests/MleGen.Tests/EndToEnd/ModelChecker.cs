using System;
using System.Collections.Generic;
using System.Globalization;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

/// <summary>
/// Checks a generated <see cref="IMleModel"/> against independent numbers: the user's own plain-C# oracle,
/// central finite differences, per-observation 1-observation copies, and (for the expected information) either
/// the observed information (canonical links) or the empirical score outer product at the true θ.
/// </summary>
internal static class ModelChecker
{
    /// <summary>A point near <paramref name="center"/> inside the valid region: multiplicative noise on positive parameters, renormalized simplexes.</summary>
    public static double[] RandomPoint(IMleModel model, double[] center, Random rng, double spread = 0.3)
    {
        int p = model.ParameterCount;
        var theta = new double[p];
        for (int k = 0; k < p; k++)
        {
            var info = model.GetParameterInfo(k);
            double noise = spread * Gaussian(rng);
            theta[k] = info.IsSimplex || info.Lower == 0
                ? center[k] * Math.Exp(noise)
                : center[k] + noise;
        }

        var sums = new Dictionary<int, double>();
        for (int k = 0; k < p; k++)
        {
            int group = model.GetParameterInfo(k).SimplexGroup;
            if (group >= 0)
            {
                sums[group] = sums.GetValueOrDefault(group) + theta[k];
            }
        }

        for (int k = 0; k < p; k++)
        {
            int group = model.GetParameterInfo(k).SimplexGroup;
            if (group >= 0)
            {
                theta[k] /= sums[group];
            }
        }

        return theta;
    }

    public static double[] Current(IMleModel model)
    {
        var theta = new double[model.ParameterCount];
        model.ReadParameters(theta);
        return theta;
    }

    /// <summary>NLL(θ) equals the oracle Σ −w·LogDensity after WriteParameters(θ), to 1e-10 relative.</summary>
    public static void CheckOracle(IOracleModel model, double[] theta)
    {
        double nll = model.NegativeLogLikelihood(theta);
        model.WriteParameters(theta);
        double oracle = model.OracleNll();
        AssertClose(oracle, nll, 1e-10 * Math.Max(1, Math.Abs(oracle)), "NLL vs oracle");
    }

    /// <summary>The fused NLL + gradient returns the NLL, and the gradient equals central differences of the NLL.</summary>
    public static void CheckGradient(IMleModel model, double[] theta)
    {
        int p = theta.Length;
        var g = new double[p];
        double value = model.NegativeLogLikelihood(theta, g);
        double plain = model.NegativeLogLikelihood(theta);
        AssertClose(plain, value, 1e-12 * Math.Max(1, Math.Abs(plain)), "NLL from the gradient pass");
        var t = (double[])theta.Clone();
        for (int k = 0; k < p; k++)
        {
            double h = Step(theta[k]);
            t[k] = theta[k] + h;
            double up = model.NegativeLogLikelihood(t);
            t[k] = theta[k] - h;
            double down = model.NegativeLogLikelihood(t);
            t[k] = theta[k];
            double fd = (up - down) / (2 * h);
            AssertClose(fd, g[k], 1e-6 * Math.Max(1, Math.Abs(fd)), "gradient " + model.GetParameterName(k));
        }
    }

    /// <summary>The observed information is symmetric and equals central differences of the generated gradient.</summary>
    public static void CheckObservedInformation(IMleModel model, double[] theta)
    {
        int p = theta.Length;
        var h = new double[p * p];
        model.ObservedInformation(theta, h);
        var t = (double[])theta.Clone();
        var up = new double[p];
        var down = new double[p];
        for (int k = 0; k < p; k++)
        {
            double step = Step(theta[k]);
            t[k] = theta[k] + step;
            model.NegativeLogLikelihood(t, up);
            t[k] = theta[k] - step;
            model.NegativeLogLikelihood(t, down);
            t[k] = theta[k];
            for (int j = 0; j < p; j++)
            {
                double fd = (up[j] - down[j]) / (2 * step);
                AssertClose(fd, h[(j * p) + k], 1e-5 * Math.Max(1, Math.Abs(fd)), $"observed information [{model.GetParameterName(j)}, {model.GetParameterName(k)}]");
                AssertClose(h[(k * p) + j], h[(j * p) + k], 1e-13 * Math.Max(1, Math.Abs(h[(k * p) + j])), "observed information symmetry");
            }
        }
    }

    /// <summary>
    /// Σᵢ gᵢgᵢᵀ over per-observation gradients gᵢ (from 1-observation models) equals the score outer product, and
    /// Σᵢ gᵢ equals the full gradient.
    /// </summary>
    public static void CheckScoreOuterProduct(IMleModel model, double[] theta, IReadOnlyList<Func<double[], double[]>> scores)
    {
        int p = theta.Length;
        var meat = new double[p * p];
        model.ScoreOuterProduct(theta, meat);
        var expected = new double[p * p];
        var sum = new double[p];
        foreach (var score in scores)
        {
            double[] g = score(theta);
            for (int a = 0; a < p; a++)
            {
                sum[a] += g[a];
                for (int b = 0; b < p; b++)
                {
                    expected[(a * p) + b] += g[a] * g[b];
                }
            }
        }

        var full = new double[p];
        model.NegativeLogLikelihood(theta, full);
        for (int a = 0; a < p; a++)
        {
            AssertClose(full[a], sum[a], 1e-9 * Math.Max(1, Math.Abs(full[a])), "Σ scores vs gradient " + model.GetParameterName(a));
        }

        AssertMatrixClose(expected, meat, p, 1e-9, "score outer product", model);
    }

    /// <summary>Gradient of a model (the per-observation score provider for 1-observation copies).</summary>
    public static double[] Gradient(IMleModel model, double[] theta)
    {
        var g = new double[theta.Length];
        model.NegativeLogLikelihood(theta, g);
        return g;
    }

    /// <summary>Expected information equals the observed one (canonical links, or a family without a closed form).</summary>
    public static void CheckExpectedEqualsObserved(IMleModel model, double[] theta)
    {
        int p = theta.Length;
        var expected = new double[p * p];
        var observed = new double[p * p];
        model.ExpectedInformation(theta, expected);
        model.ObservedInformation(theta, observed);
        AssertMatrixClose(observed, expected, p, 1e-10, "expected vs observed information", model);
    }

    /// <summary>Expected information / n against the score outer product / n at the true θ of a large simulated data set.</summary>
    public static void CheckExpectedMonteCarlo(IMleModel model, double[] truth, double relative = 0.05)
    {
        int p = truth.Length;
        int n = model.ObservationCount;
        var expected = new double[p * p];
        var meat = new double[p * p];
        model.ExpectedInformation(truth, expected);
        model.ScoreOuterProduct(truth, meat);
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double e = expected[(a * p) + b] / n;
                double s = meat[(a * p) + b] / n;
                double tolerance = a == b
                    ? relative * Math.Abs(s)
                    : relative * Math.Sqrt(Math.Abs(meat[(a * p) + a] * meat[(b * p) + b])) / n;
                AssertClose(s, e, tolerance, $"expected information / n vs score outer product / n [{model.GetParameterName(a)}, {model.GetParameterName(b)}] (n = {n})");
            }
        }
    }

    /// <summary>The layout: count, names, bounds, simplex membership, and the Read/Write round trip.</summary>
    public static void CheckLayout(IMleModel model, string[] names, ISet<string> positive, ISet<string> simplex, Random rng)
    {
        Assert.Equal(names.Length, model.ParameterCount);
        for (int k = 0; k < names.Length; k++)
        {
            Assert.Equal(names[k], model.GetParameterName(k));
            var info = model.GetParameterInfo(k);
            Assert.Equal(names[k], info.Name);
            string member = names[k].Split('[')[0];
            Assert.Equal(positive.Contains(member) ? 0 : double.NegativeInfinity, info.Lower);
            Assert.Equal(double.PositiveInfinity, info.Upper);
            Assert.Equal(simplex.Contains(member), info.IsSimplex);
        }

        var theta = new double[names.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            theta[k] = 0.1 + rng.NextDouble();
        }

        var saved = Current(model);
        model.WriteParameters(theta);
        Assert.Equal(theta, Current(model));
        model.WriteParameters(saved);
        Assert.Equal(saved, Current(model));
    }

    public static double Step(double x) => 1e-5 * Math.Max(1, Math.Abs(x));

    public static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance))
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, actual {actual:R} (difference {Math.Abs(expected - actual):G3}, tolerance {tolerance:G3})"));
        }
    }

    private static void AssertMatrixClose(double[] expected, double[] actual, int p, double relative, string what, IMleModel model)
    {
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double scale = Math.Max(1, Math.Sqrt(Math.Abs(expected[(a * p) + a] * expected[(b * p) + b])));
                scale = Math.Max(scale, Math.Abs(expected[(a * p) + b]));
                AssertClose(expected[(a * p) + b], actual[(a * p) + b], relative * scale, $"{what} [{model.GetParameterName(a)}, {model.GetParameterName(b)}]");
            }
        }
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
