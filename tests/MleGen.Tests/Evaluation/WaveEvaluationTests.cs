using System;
using MleGen.Tests.Cluster;
using Xunit;

namespace MleGen.Tests.Evaluation;

/// <summary>
/// Wide outputs over more chunks than the output budget holds are computed in waves and folded in
/// chunk order: the same bits as one wave, for every kind and any thread count.
/// </summary>
public class WaveEvaluationTests
{
    [Theory]
    [InlineData(EvaluationKind.Gradient, 1)]
    [InlineData(EvaluationKind.Gradient, 2)]
    [InlineData(EvaluationKind.ObservedInformation, 1)]
    [InlineData(EvaluationKind.ObservedInformation, 2)]
    [InlineData(EvaluationKind.ExpectedInformation, 2)]
    [InlineData(EvaluationKind.ScoreOuterProduct, 2)]
    public void Waves_sum_to_the_bits_of_one_wave(EvaluationKind kind, int threads)
    {
        var model = ClusterData.TwoTerms(45_000, 40_000);
        var kernel = (IChunkKernel)model;
        double[] theta = [0.9, 1.8, 0.3];
        int width = kind == EvaluationKind.Gradient ? theta.Length : theta.Length * theta.Length;
        var whole = new double[width];
        var waves = new double[width];
        double expected = new ChunkedEvaluator { Threads = threads }.Evaluate(kernel, kind, theta, whole);

        // Budget for two chunks' outputs: 23 chunks over both terms go in 12 waves.
        var small = new ChunkedEvaluator { Threads = threads, OutputBudgetDoubles = 2 * ChunkedEvaluator.Stride(width) };
        double actual = small.Evaluate(kernel, kind, theta, waves);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
        Assert.Equal(Array.ConvertAll(whole, BitConverter.DoubleToInt64Bits), Array.ConvertAll(waves, BitConverter.DoubleToInt64Bits));
        Assert.Contains(whole, v => v != 0);
    }

    [Fact]
    public void The_data_constant_is_the_sum_of_every_row_in_chunks()
    {
        // log y! summed by the evaluator in 4096-row chunks agrees with one plain loop over the rows.
        var model = ClusterData.Poisson(20_000);
        double chunked = new ChunkedEvaluator().Evaluate(model, EvaluationKind.DataConstant, [0.0, 0.0], default);
        double plain = 0;
        foreach (int y in model.Y)
        {
            plain += MathNet.Numerics.SpecialFunctions.FactorialLn(y);
        }

        Assert.Equal(plain, chunked, plain * 1e-13);
    }
}
