using System;
using System.Collections.Generic;
using MleGen.Tests.EndToEnd.Models;
using Xunit;

namespace MleGen.Tests.EndToEnd;

public class WeightsAndSymmetryTests
{
    public static TheoryData<string> Cases => new(ModelCases.Names);

    /// <summary>
    /// p×p outputs are consumed by symmetric algorithms (MathNet's Evd/Cholesky test IsSymmetric exactly and fall back to
    /// the general path otherwise), so [a, b] and [b, a] must be the same double, not merely close.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void InformationMatricesAreExactlySymmetric(string name)
    {
        var model = ModelCases.Get(name).Simulate(60, 21);
        var theta = ModelChecker.RandomPoint(model, ModelChecker.Current(model), new Random(4));
        int p = theta.Length;
        var matrix = new double[p * p];
        var asymmetric = new List<string>();
        foreach (var (what, fill) in new (string, Action)[]
                 {
                     ("observed information", () => model.ObservedInformation(theta, matrix)),
                     ("expected information", () => model.ExpectedInformation(theta, matrix)),
                     ("score outer product", () => model.ScoreOuterProduct(theta, matrix)),
                 })
        {
            fill();
            for (int a = 0; a < p; a++)
            {
                for (int b = a + 1; b < p; b++)
                {
                    if (matrix[(a * p) + b] != matrix[(b * p) + a])
                    {
                        asymmetric.Add($"{what} [{model.GetParameterName(a)}, {model.GetParameterName(b)}] = {matrix[(a * p) + b]:R} but [{model.GetParameterName(b)}, {model.GetParameterName(a)}] = {matrix[(b * p) + a]:R}");
                    }
                }
            }
        }

        Assert.True(asymmetric.Count == 0, string.Join("; ", asymmetric));
    }

    /// <summary>An integer weight w on an observation is the same as w copies of it: NLL, gradient, observed and expected information.</summary>
    [Fact]
    public void IntegerWeightsEqualReplicatedObservations()
    {
        var rng = new Random(8);
        var weighted = ModelCases.SimulateMixed(30, 8, weighted: false);
        for (int i = 0; i < weighted.W.Length; i++)
        {
            weighted.W[i] = rng.Next(4); // 0..3, zero drops the observation
        }

        var rows = new List<int>();
        for (int i = 0; i < weighted.W.Length; i++)
        {
            for (int c = 0; c < weighted.W[i]; c++)
            {
                rows.Add(i);
            }
        }

        var x = new double[rows.Count, weighted.X.GetLength(1)];
        var group = new int[rows.Count];
        var y = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int j = 0; j < x.GetLength(1); j++)
            {
                x[r, j] = weighted.X[rows[r], j];
            }

            group[r] = weighted.Group[rows[r]];
            y[r] = weighted.Y[rows[r]];
        }

        var replicated = new MixedModel
        {
            X = x,
            Group = group,
            W = new double[rows.Count].AsSpan().ToArray(),
            Y = y,
            U = weighted.U,
            Counts = weighted.Counts,
            Beta = (double[])weighted.Beta.Clone(),
            G = (double[,])weighted.G.Clone(),
        };
        Array.Fill(replicated.W, 1.0);

        var theta = ModelChecker.RandomPoint(weighted, ModelChecker.Current(weighted), new Random(3));
        int p = theta.Length;
        double nll = ((IMleModel)replicated).NegativeLogLikelihood(theta);
        ModelChecker.AssertClose(nll, ((IMleModel)weighted).NegativeLogLikelihood(theta), 1e-10 * Math.Abs(nll), "weighted NLL");

        var g1 = new double[p];
        var g2 = new double[p];
        ((IMleModel)replicated).NegativeLogLikelihood(theta, g1);
        ((IMleModel)weighted).NegativeLogLikelihood(theta, g2);
        for (int k = 0; k < p; k++)
        {
            ModelChecker.AssertClose(g1[k], g2[k], 1e-10 * Math.Max(1, Math.Abs(g1[k])), "weighted gradient " + ((IMleModel)weighted).GetParameterName(k));
        }

        var m1 = new double[p * p];
        var m2 = new double[p * p];
        ((IMleModel)replicated).ObservedInformation(theta, m1);
        ((IMleModel)weighted).ObservedInformation(theta, m2);
        for (int k = 0; k < p * p; k++)
        {
            ModelChecker.AssertClose(m1[k], m2[k], 1e-10 * Math.Max(1, Math.Abs(m1[k])), "weighted observed information");
        }

        ((IMleModel)replicated).ExpectedInformation(theta, m1);
        ((IMleModel)weighted).ExpectedInformation(theta, m2);
        for (int k = 0; k < p * p; k++)
        {
            ModelChecker.AssertClose(m1[k], m2[k], 1e-10 * Math.Max(1, Math.Abs(m1[k])), "weighted expected information");
        }
    }
}
