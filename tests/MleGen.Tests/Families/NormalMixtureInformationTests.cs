using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MleGen.Tests.Fitting;
using Xunit;

namespace MleGen.Tests.Families;

/// <summary>
/// <see cref="Functions.NormalMixtureInformation"/> against tests/data/reference/normal_mixture_information (R's QUADPACK
/// integration of every entry, cross-checked there by Monte Carlo and, for K = 1, the closed form), against the generated
/// observed information integrated over the density (the coordinates are the same), and its contract.
/// </summary>
public class NormalMixtureInformationTests
{
    private sealed record Case(string Name, double[] Weights, double[] Means, double[] Sds, double[,] Information);

    private static readonly Lazy<(List<Case> Cases, double Tolerance)> Reference = new(Load);

    public static TheoryData<string> CaseNames() => new(Reference.Value.Cases.Select(c => c.Name));

    private static (List<Case>, double) Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceCase.Directory, "normal_mixture_information", "expected.json")));
        JsonElement root = document.RootElement;
        var cases = new List<Case>();
        foreach (JsonElement c in root.GetProperty("cases").EnumerateArray())
        {
            double[] Vector(string name) => c.GetProperty(name).ValueKind == JsonValueKind.Array
                ? c.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray()
                : [c.GetProperty(name).GetDouble()];
            double[][] rows = c.GetProperty("information").EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().Select(e => e.GetDouble()).ToArray() : [r.GetDouble()]).ToArray();
            int p = rows.Length == 1 ? (int)Math.Round(Math.Sqrt(rows[0].Length)) : rows.Length;
            double[] flat = rows.Length == 1 ? rows[0] : rows.SelectMany(r => r).ToArray();
            var information = new double[p, p];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    information[i, j] = flat[(i * p) + j];
                }
            }

            cases.Add(new Case(c.GetProperty("name").GetString()!, Vector("weights"), Vector("means"), Vector("sds"), information));
        }

        return (cases, root.GetProperty("tolerance").GetProperty("information").GetDouble());
    }

    private static double[] Compute(double[] weights, double[] means, double[] sds)
    {
        double[] f = new double[9 * weights.Length * weights.Length];
        Functions.NormalMixtureInformation(weights, means, sds, f);
        return f;
    }

    /// <summary>Every entry within 1e-10 of √(FₐₐF_bb) (near-zero entries on the diagonal's scale).</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MatchesRsIntegration(string name)
    {
        Case c = Reference.Value.Cases.Single(x => x.Name == name);
        double[] f = Compute(c.Weights, c.Means, c.Sds);
        int p = c.Information.GetLength(0);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double scale = Math.Sqrt(c.Information[i, i] * c.Information[j, j]);
                Assert.True(Math.Abs(f[(i * p) + j] - c.Information[i, j]) <= Reference.Value.Tolerance * scale,
                    $"{name} F[{i},{j}] = {f[(i * p) + j]:R}, R {c.Information[i, j]:R}");
            }
        }
    }

    /// <summary>
    /// The generated observed information of a weighted mixture model whose "observations" are a fine grid with weights
    /// p(y)·Δy is ∫ −∇² log p · p dy = E[−∇² log p]: equal to the computed F in the same coordinates (θ's simplex members
    /// as separate parameters), which is what makes F usable for Σᵢ Jᵢᵀ F Jᵢ.
    /// </summary>
    [Fact]
    public void EqualsTheExpectedObservedInformationInTheModelsCoordinates()
    {
        double[] w = [0.5, 0.3, 0.2], mu = [-2, 0, 3], sd = [1, 0.5, 1.5];
        var mixture = new NormalMixture(w, mu, sd);

        // The trapezoid rule on a smooth, rapidly decaying integrand is spectrally accurate: Δy = 0.005 over ±25 is far below 1e-10.
        const double step = 0.005, half = 25;
        int count = (int)(2 * half / step) + 1;
        double[] y = new double[count], weight = new double[count];
        for (int i = 0; i < count; i++)
        {
            y[i] = -half + (i * step);
            weight[i] = Math.Exp(mixture.LogDensity(y[i])) * step;
        }

        var model = new WeightedMixtureModel { Y = y, W = weight, Weights = w, Means = mu, Sds = sd };
        int p = 9;
        double[] theta = [.. w, .. mu, .. sd];
        double[] observed = new double[p * p];
        ((IMleModel)model).ObservedInformation(theta, observed);
        double[] f = Compute(w, mu, sd);

        // The generated expected information of the weighted term: (Σᵢ Wᵢ)·F.
        double[] expected = new double[p * p];
        ((IMleModel)model).ExpectedInformation(theta, expected);
        double total = weight.Sum();
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double scale = Math.Sqrt(f[(i * p) + i] * f[(j * p) + j]);
                Assert.True(Math.Abs(observed[(i * p) + j] - f[(i * p) + j]) <= 1e-9 * scale, $"[{i},{j}] observed {observed[(i * p) + j]:R}, F {f[(i * p) + j]:R}");
                Assert.True(Math.Abs(expected[(i * p) + j] - (total * f[(i * p) + j])) <= 1e-13 * scale, $"[{i},{j}] expected {expected[(i * p) + j]:R}, ΣW·F {total * f[(i * p) + j]:R}");
            }
        }
    }

    [Fact]
    public void OneComponentIsTheNormalsInformation()
    {
        double[] f = Compute([1], [0.3], [2]);
        Assert.Equal(1, f[0], 1e-13);
        Assert.Equal(0.25, f[4], 1e-13);
        Assert.Equal(0.5, f[8], 1e-13);
        Assert.Equal(0, f[1], 1e-13);
        Assert.Equal(0, f[5], 1e-13);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void AllocatesNothing(int k)
    {
        double[] w = Enumerable.Repeat(1.0 / k, k).ToArray();
        double[] mu = Enumerable.Range(0, k).Select(i => 2.0 * i).ToArray();
        double[] sd = Enumerable.Range(0, k).Select(i => 0.5 + (0.1 * i)).ToArray();
        double[] f = new double[9 * k * k];
        Functions.NormalMixtureInformation(w, mu, sd, f); // warm-up (JIT; the array pool's first rent for K > 8)
        Assert.Equal(0, AllocationProbe.Fewest(() => Functions.NormalMixtureInformation(w, mu, sd, f)));
        Assert.True(f[0] > 0 && double.IsFinite(f[^1]));
    }

    [Fact]
    public void BadArgumentsNameTheMemberAndIndex()
    {
        double[] f = new double[36];
        Assert.Contains("sds[1]", Assert.Throws<ArgumentOutOfRangeException>(() => Functions.NormalMixtureInformation([0.5, 0.5], [0, 1], [1, -1], f)).Message);
        Assert.Contains("means[0]", Assert.Throws<ArgumentOutOfRangeException>(() => Functions.NormalMixtureInformation([0.5, 0.5], [double.NaN, 1], [1, 1], f)).Message);
        Assert.Contains("weights[0]", Assert.Throws<ArgumentOutOfRangeException>(() => Functions.NormalMixtureInformation([-0.5, 1.5], [0, 1], [1, 1], f)).Message);
        Assert.Contains("sum to 1", Assert.Throws<ArgumentOutOfRangeException>(() => Functions.NormalMixtureInformation([0.5, 0.6], [0, 1], [1, 1], f)).Message);
        Assert.Throws<ArgumentException>(() => Functions.NormalMixtureInformation([0.5, 0.5], [0, 1], [1, 1], new double[35]));
        Assert.Throws<ArgumentException>(() => Functions.NormalMixtureInformation([0.5, 0.5], [0, 1, 2], [1, 1], f));
    }
}
