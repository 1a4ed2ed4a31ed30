using System;
using System.Linq;
using MleGen.Benchmarks;
using MleGen.Tests.EndToEnd;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The generated vector kernels of the benchmark models (logistic, Poisson, linear, negative binomial, 3-component
/// mixture): at widths 4 and 8 they give the scalar kernel's NLL and gradient to 1e-12 relative (the sums are
/// reassociated and the per-observation functions differ in the last bits), the gradient equals central differences,
/// results are bit-identical for 1 and 2 threads at each width, and a call allocates nothing.
/// n = 40,003: ten chunks, the last one ending in a remainder of 3 (width 4) or 3 (width 8) for the scalar kernel.
/// </summary>
public class GeneratedVectorKernelTests
{
    private const int N = 40003, P = 10;
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Models => new("Logistic", "Poisson", "Linear", "NegativeBinomial", "Mixture");

    /// <summary>
    /// The NLL + gradient kernels also on mixtures of 64 and 70 components (their information is left to <see cref="Models"/>:
    /// the mixture's expected information is a quadrature per component pair, seconds at K = 70).
    /// </summary>
    public static TheoryData<string> GradientModels => new("Logistic", "Poisson", "Linear", "NegativeBinomial", "Mixture", "Mixture64", "Mixture70", "MixtureTail", "BetaRegression");

    /// <summary>
    /// MixtureTail: the data of two components (means −2 and 1) and two more far from every observation: at 38.5 each
    /// row's log-term lies 540 to 970 below the largest, so exp(t − max) runs from normal through subnormal to 0 across
    /// the rows, and at 60 (1,100 to 2,200 below) it is 0 for every row. The kernels read those exponentials back from
    /// the log-sum-exp's cache (docs/internals/simd.md): the far component's terms must give exactly 0.
    /// </summary>
    private static readonly double[] TailTheta = [0.5, 0.3, 0.1, 0.1, -2, 1, 38.5, 60, 1, 0.7, 1, 1];

    private static (IMleModel Model, double[] Theta) Create(string name)
    {
        switch (name)
        {
            case "Logistic":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 1);
                int[] y = SyntheticData.Bernoulli(x, beta, seed: 2);
                return (new LogisticModel { X = x, Y = y, Beta = new double[P] }, beta.Select(b => 0.9 * b).ToArray());
            }

            case "Poisson":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 3);
                int[] y = SyntheticData.Poisson(x, beta, seed: 4);
                return (new PoissonModel { X = x, Y = y, Beta = new double[P] }, beta.Select(b => 0.9 * b).ToArray());
            }

            case "Linear":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 5);
                double[] y = SyntheticData.Gaussian(x, beta, sigma: 0.5, seed: 6);
                return (new LinearModel { X = x, Y = y, Beta = new double[P] }, [.. beta.Select(b => 0.9 * b), 0.6]);
            }

            case "NegativeBinomial":
            {
                (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 8);
                int[] y = SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 9);
                return (new NegativeBinomialRegressionModel { X = x, Y = y, Beta = new double[P] }, [.. beta.Select(b => 0.9 * b), 1.7]);
            }

            case "Mixture64" or "Mixture70":
            {
                // 70 components: the scalar kernel's per-index tables (log w, 1/σ, log σ) cover the first 64 indices and
                // the rest are computed in the loop; the vector kernels' stack arrays hold 64 components, so at widths 4
                // and 8 every chunk runs the scalar kernel. 64 components: the vector kernels' largest mixture.
                // Fewer rows than the others: with 210 parameters over 40,003 rows the central differences' own rounding
                // (ε·NLL/h ≈ 3e-6, on both paths) exceeds the checker's 1e-6; at 70 components fewer still: the
                // differences of the scalar kernel's NLL (summed row by row, not in lanes) are noisier (1.6e-6 at 6,007
                // rows, 1.0e-6 at 3,001; the vector kernels' 2–6e-7 at 64 components and 6,007 rows).
                int k = name == "Mixture64" ? 64 : 70;
                int rows = name == "Mixture64" ? 6007 : 1501;
                double[] weights = Enumerable.Repeat(1.0 / k, k).ToArray();
                double[] means = Enumerable.Range(0, k).Select(c => 0.5 * c).ToArray();
                double[] sds = Enumerable.Range(0, k).Select(c => 0.6 + (0.01 * c)).ToArray();
                double[] y = SyntheticData.Mixture(rows, weights, means, sds, seed: 11);
                double[] theta = [.. weights.Select((w, c) => w * (1 + (0.2 * ((c % 3) - 1)))), .. means.Select(m => m + 0.1), .. sds.Select(s => 1.1 * s)];
                double total = theta.Take(k).Sum();
                for (int c = 0; c < k; c++)
                {
                    theta[c] /= total;
                }

                return (new MixtureModel { Y = y, Weights = new double[k], Means = new double[k], Sds = new double[k] }, theta);
            }

            case "BetaRegression":
            {
                // log Γ and ψ of μφ and (1 − μ)φ per observation: VectorMath.LogGamma/Digamma in the vector kernels.
                (double[,] x, double[] beta) = SyntheticData.Design(N, P, seed: 13);
                double[] y = SyntheticData.Beta(x, beta, precision: 20, seed: 14);
                return (new BetaRegressionModel { X = x, Y = y, Beta = new double[P] }, [.. beta.Select(b => 0.45 * b), 18]);
            }

            case "MixtureTail":
            {
                double[] y = SyntheticData.Mixture(N, [0.6, 0.4], [-2, 1], [1, 0.7], seed: 12);
                return (new MixtureModel { Y = y, Weights = new double[4], Means = new double[4], Sds = new double[4] }, (double[])TailTheta.Clone());
            }

            default:
            {
                double[] y = SyntheticData.Mixture(N, [0.5, 0.3, 0.2], [-2, 0, 3], [1, 0.5, 1.5], seed: 7);
                return (new MixtureModel { Y = y, Weights = new double[3], Means = new double[3], Sds = new double[3] }, [0.45, 0.35, 0.2, -1.8, 0.1, 2.9, 1.1, 0.6, 1.4]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(GradientModels))]
    public void VectorKernelsAgreeWithTheScalarKernel(string name)
    {
        var (model, theta) = Create(name);
        Assert.True(VectorPaths.IsVectorized(model), name + " has vector kernels");
        model.EvaluationThreads = 1;
        var (scalarValue, scalarNll, scalarGradient) = Evaluate(VectorPaths.Force(model, 1), theta);
        Assert.Equal(1, VectorPaths.LastWidth(model));
        double scale = scalarGradient.Max(Math.Abs);
        foreach (int width in new[] { 4, 8 })
        {
            var (value, nll, gradient) = Evaluate(VectorPaths.Force(model, width), theta);
            Assert.Equal(width, VectorPaths.LastWidth(model));
            Approx.Equal(scalarValue, value, Tolerance);
            Approx.Equal(scalarNll, nll, Tolerance);
            for (int j = 0; j < theta.Length; j++)
            {
                Assert.True(Math.Abs(scalarGradient[j] - gradient[j]) <= Tolerance * scale,
                    $"width {width}, ∂/∂θ[{j}]: scalar {scalarGradient[j]:R}, vector {gradient[j]:R}");
            }
        }
    }

    /// <summary>
    /// The far components of MixtureTail on the scalar kernel and at widths 4 and 8: the NLL is the family's own
    /// Σ −log p(y) (NormalMixture.LogDensity, row by row) to 1e-12, the component no row reaches has a gradient of
    /// exactly 0, and the one at 38.5 (responsibilities down to subnormal) a finite nonzero gradient, the scalar kernel's to 1e-10 of itself.
    /// </summary>
    [Fact]
    public void FarComponentsKeepTheirTails()
    {
        var (model, theta) = Create("MixtureTail");
        var y = ((MixtureModel)model).Y;
        var family = new NormalMixture(TailTheta[..4], TailTheta[4..8], TailTheta[8..]);
        double oracle = -y.Sum(family.LogDensity);
        model.EvaluationThreads = 1;
        var (_, _, scalarGradient) = Evaluate(VectorPaths.Force(model, 1), theta);
        foreach (int width in VectorPaths.All)
        {
            var (value, nll, gradient) = Evaluate(VectorPaths.Force(model, width), theta);
            Approx.Equal(oracle, value, 1e-12);
            Approx.Equal(oracle, nll, 1e-12);
            foreach (int j in new[] { 3, 7, 11 })
            {
                Assert.True(gradient[j] == 0, $"width {width}: ∂/∂θ[{j}] of the unreached component is {gradient[j]:R}");
            }

            foreach (int j in new[] { 2, 6, 10 })
            {
                // ~1e-240: relative to itself, not to 1
                Assert.True(double.IsFinite(gradient[j]) && gradient[j] != 0 && Math.Abs(gradient[j] - scalarGradient[j]) <= 1e-10 * Math.Abs(scalarGradient[j]),
                    $"width {width}: ∂/∂θ[{j}] = {gradient[j]:R}, scalar {scalarGradient[j]:R}");
            }
        }
    }

    /// <summary>
    /// The vector kernels of a mixture keep per-component values in stack arrays of at most 64 components
    /// (docs/internals/simd.md): at 70 components they leave every chunk to the scalar kernel — the results at widths 4
    /// and 8 are the scalar kernel's bit for bit — and at 64 they run (the sums are reassociated into lanes, so the NLL
    /// differs from the scalar kernel's in the last bits; <see cref="VectorKernelsAgreeWithTheScalarKernel"/> bounds the difference).
    /// </summary>
    [Fact]
    public void MixturesPastTheStackArraysRunTheScalarKernel()
    {
        foreach (string name in new[] { "Mixture70", "Mixture64" })
        {
            var (model, theta) = Create(name);
            model.EvaluationThreads = 1;
            var scalar = Evaluate(VectorPaths.Force(model, 1), theta);
            foreach (int width in new[] { 4, 8 })
            {
                var vector = Evaluate(VectorPaths.Force(model, width), theta);
                bool same = BitConverter.DoubleToInt64Bits(vector.Value) == BitConverter.DoubleToInt64Bits(scalar.Value)
                    && BitConverter.DoubleToInt64Bits(vector.Nll) == BitConverter.DoubleToInt64Bits(scalar.Nll)
                    && vector.Gradient.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(scalar.Gradient.Select(BitConverter.DoubleToInt64Bits));
                Assert.True(same == (name == "Mixture70"), $"{name} at width {width}: NLL {vector.Nll:R}, scalar kernel {scalar.Nll:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GradientModels))]
    public void VectorGradientMatchesFiniteDifferences(string name)
    {
        var (model, theta) = Create(name);
        foreach (int width in new[] { 4, 8 })
        {
            ModelChecker.CheckGradient(VectorPaths.Force(model, width), theta);
        }
    }

    [Theory]
    [MemberData(nameof(GradientModels))]
    public void BitIdenticalForOneAndTwoThreadsAtEachWidth(string name)
    {
        var (model, theta) = Create(name);
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.EvaluationThreads = 1;
            var one = Evaluate(model, theta);
            model.EvaluationThreads = 2;
            var two = Evaluate(model, theta);
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Value), BitConverter.DoubleToInt64Bits(two.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Nll), BitConverter.DoubleToInt64Bits(two.Nll));
            Assert.Equal(one.Gradient.Select(BitConverter.DoubleToInt64Bits), two.Gradient.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [MemberData(nameof(GradientModels))]
    public void VectorKernelsAllocateNothing(string name)
    {
        var (model, theta) = Create(name);
        model.EvaluationThreads = 1;
        double[] gradient = new double[theta.Length];
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.NegativeLogLikelihood(theta, gradient);
            model.NegativeLogLikelihood(theta);
            Assert.Equal(0, AllocationProbe.Fewest(() => model.NegativeLogLikelihood(theta, gradient)));
            Assert.Equal(0, AllocationProbe.Fewest(() => model.NegativeLogLikelihood(theta)));
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void VectorInformationAgreesWithTheScalarKernel(string name)
    {
        var (model, theta) = Create(name);
        // The GLM shapes whose entries factor as X[i, a]·X[i, b]·s get vector information kernels (the negative
        // binomial's once its expanded Beta·Beta entry is factored, RowFactors); the mixture keeps the scalar ones (simd.md).
        Assert.Equal(name is "Logistic" or "Poisson" or "Linear" or "NegativeBinomial", VectorPaths.IsInformationVectorized(model));
        model.EvaluationThreads = 1;
        var (observed, expected) = VectorPaths.Information(VectorPaths.Force(model, 1), theta);
        foreach (int width in new[] { 4, 8 })
        {
            var (vectorObserved, vectorExpected) = VectorPaths.Information(VectorPaths.Force(model, width), theta);
            Assert.Equal(width, VectorPaths.LastWidth(model));
            VectorPaths.MatrixAgrees(model, $"width {width}, observed information", observed, vectorObserved, Tolerance);
            if (expected is not null)
            {
                VectorPaths.MatrixAgrees(model, $"width {width}, expected information", expected, vectorExpected!, Tolerance);
            }
        }
    }

    /// <summary>The observed information at widths 1, 4 and 8 against central differences of the gradient (same path).</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void ObservedInformationEqualsDifferencesOfTheGradient(string name)
    {
        var (model, theta) = Create(name);
        model.EvaluationThreads = 1;
        foreach (int width in VectorPaths.All)
        {
            ModelChecker.CheckObservedInformation(VectorPaths.Force(model, width), theta);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void InformationBitIdenticalForOneAndTwoThreadsAtEachWidth(string name)
    {
        var (model, theta) = Create(name);
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.EvaluationThreads = 1;
            var one = VectorPaths.Information(model, theta);
            model.EvaluationThreads = 2;
            var two = VectorPaths.Information(model, theta);
            Assert.Equal(one.Observed.Select(BitConverter.DoubleToInt64Bits), two.Observed.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(one.Expected?.Select(BitConverter.DoubleToInt64Bits), two.Expected?.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void VectorInformationAllocatesNothing(string name)
    {
        var (model, theta) = Create(name);
        model.EvaluationThreads = 1;
        double[] matrix = new double[theta.Length * theta.Length];
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.ObservedInformation(theta, matrix);
            Assert.Equal(0, AllocationProbe.Fewest(() => model.ObservedInformation(theta, matrix)));
            if (model.HasExpectedInformation)
            {
                model.ExpectedInformation(theta, matrix);
                Assert.Equal(0, AllocationProbe.Fewest(() => model.ExpectedInformation(theta, matrix)));
            }
        }
    }

    /// <summary>
    /// The score outer product (the sandwich's meat) at widths 4 and 8 against the scalar kernel: the vector kernels
    /// compute the block's scores with the vector per-observation functions and add a fused rank-W update, so the entries
    /// differ in the last bits (1e-12 relative to the largest entry); every model here has the vector kernel.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void VectorScoreOuterProductAgreesWithTheScalarKernel(string name)
    {
        var (model, theta) = Create(name);
        Assert.True(VectorPaths.IsScoreOuterProductVectorized(model), name + " has vector score outer product kernels");
        model.EvaluationThreads = 1;
        double[] scalar = ScoreOuterProduct(VectorPaths.Force(model, 1), theta);
        foreach (int width in new[] { 4, 8 })
        {
            double[] vector = ScoreOuterProduct(VectorPaths.Force(model, width), theta);
            Assert.Equal(width, VectorPaths.LastWidth(model));
            VectorPaths.MatrixAgrees(model, $"width {width}, score outer product", scalar, vector, Tolerance);
        }
    }

    /// <summary>The score outer product at widths 1, 4 and 8 is bit-identical for 1 and 2 threads and allocates nothing.</summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void ScoreOuterProductBitIdenticalForOneAndTwoThreadsAndAllocatesNothing(string name)
    {
        var (model, theta) = Create(name);
        double[] meat = new double[theta.Length * theta.Length];
        foreach (int width in VectorPaths.All)
        {
            VectorPaths.Force(model, width);
            model.EvaluationThreads = 1;
            double[] one = ScoreOuterProduct(model, theta);
            model.ScoreOuterProduct(theta, meat);
            Assert.Equal(0, AllocationProbe.Fewest(() => model.ScoreOuterProduct(theta, meat)));
            model.EvaluationThreads = 2;
            double[] two = ScoreOuterProduct(model, theta);
            Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), two.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    /// <summary>
    /// Σᵢ gᵢgᵢᵀ over the gradients of 1-row copies of the model (scalar kernels: a single row is a remainder) equals the
    /// score outer product at widths 1, 4 and 8 (1e-9 relative), on 203 rows: 50 blocks of 4 or 25 of 8, and a remainder.
    /// </summary>
    [Theory]
    [InlineData("Logistic")]
    [InlineData("NegativeBinomial")]
    public void ScoreOuterProductIsTheSumOfPerRowScoreProducts(string name)
    {
        const int rows = 203;
        (double[,] x, double[] beta) = SyntheticData.Design(rows, P, seed: 21);
        int[] y = name == "Logistic" ? SyntheticData.Bernoulli(x, beta, seed: 22) : SyntheticData.NegativeBinomial(x, beta, dispersion: 2, seed: 22);
        double[] theta = name == "Logistic" ? beta.Select(b => 0.9 * b).ToArray() : [.. beta.Select(b => 0.9 * b), 1.7];
        IMleModel Build(double[,] rowsX, int[] rowsY) => name == "Logistic"
            ? new LogisticModel { X = rowsX, Y = rowsY, Beta = new double[P] }
            : new NegativeBinomialRegressionModel { X = rowsX, Y = rowsY, Beta = new double[P] };
        var scores = Enumerable.Range(0, rows).Select(i =>
        {
            var row = new double[1, P];
            for (int j = 0; j < P; j++)
            {
                row[0, j] = x[i, j];
            }

            var single = Build(row, [y[i]]);
            return (Func<double[], double[]>)(t => ModelChecker.Gradient(single, t));
        }).ToList();
        var model = Build(x, y);
        model.EvaluationThreads = 1;
        foreach (int width in VectorPaths.All)
        {
            ModelChecker.CheckScoreOuterProduct(VectorPaths.Force(model, width), theta, scores);
        }
    }

    private static double[] ScoreOuterProduct(IMleModel model, double[] theta)
    {
        double[] meat = new double[theta.Length * theta.Length];
        model.ScoreOuterProduct(theta, meat);
        return meat;
    }

    private static (double Value, double Nll, double[] Gradient) Evaluate(IMleModel model, double[] theta)
    {
        double[] gradient = new double[theta.Length];
        double nll = model.NegativeLogLikelihood(theta, gradient);
        return (model.NegativeLogLikelihood(theta), nll, gradient);
    }
}
