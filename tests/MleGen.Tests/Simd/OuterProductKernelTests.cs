using System;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary><see cref="VectorKernels.AddOuterUpper"/>: the score outer product's per-observation update, vectorized.</summary>
public class OuterProductKernelTests
{
    /// <summary>
    /// Against the scalar loop the generated kernels used before (one multiply and one add per entry): the same bits on and
    /// above the diagonal for every length around the vector widths, the lower triangle untouched, zero scores skipped.
    /// </summary>
    [Fact]
    public void MatchesTheScalarLoopBitForBit()
    {
        var random = new Random(5);
        for (int p = 0; p <= 37; p++)
        {
            double[] score = new double[p];
            for (int k = 0; k < p; k++)
            {
                score[k] = k % 5 == 3 ? 0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
            }

            double[] meat = new double[p * p], expected = new double[p * p];
            for (int k = 0; k < meat.Length; k++)
            {
                meat[k] = expected[k] = random.NextDouble() - 0.5;
            }

            for (int round = 0; round < 3; round++)
            {
                VectorKernels.AddOuterUpper(meat, score);
                for (int a = 0; a < p; a++)
                {
                    double sa = score[a];
                    if (sa == 0d)
                    {
                        continue;
                    }

                    for (int c = a; c < p; c++)
                    {
                        expected[(a * p) + c] += sa * score[c];
                    }
                }
            }

            for (int k = 0; k < meat.Length; k++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(meat[k]), $"p = {p}, entry ({k / Math.Max(1, p)}, {k % Math.Max(1, p)}): {meat[k]:R} vs {expected[k]:R}");
            }
        }
    }

    /// <summary>
    /// The rank-W update of a block's scores (W rows of p) against the entry-by-entry sum of the W products in observation
    /// order, each a fused multiply–add iff <see cref="VectorMath.UsesFusedMultiplyAdd"/>: the same bits on and above the
    /// diagonal for every p around the vector widths and W = 4, 8, the lower triangle untouched, a row of zeros skipped.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void BlockUpdateMatchesTheOrderedFusedSumBitForBit(int lanes)
    {
        var random = new Random(6);
        for (int p = 1; p <= 37; p++)
        {
            double[] scores = new double[lanes * p];
            for (int k = 0; k < scores.Length; k++)
            {
                scores[k] = k % p % 5 == 3 ? 0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));
            }

            double[] meat = new double[p * p], expected = new double[p * p];
            for (int k = 0; k < meat.Length; k++)
            {
                meat[k] = expected[k] = random.NextDouble() - 0.5;
            }

            VectorKernels.AddOuterUpper(meat, scores, p);
            for (int a = 0; a < p; a++)
            {
                for (int c = a; c < p && a % 5 != 3; c++)
                {
                    double t = expected[(a * p) + c];
                    for (int k = 0; k < lanes; k++)
                    {
                        double x = scores[(k * p) + a], y = scores[(k * p) + c];
                        t = VectorMath.UsesFusedMultiplyAdd ? Math.FusedMultiplyAdd(x, y, t) : (x * y) + t;
                    }

                    expected[(a * p) + c] = t;
                }
            }

            for (int k = 0; k < meat.Length; k++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(meat[k]), $"W = {lanes}, p = {p}, entry ({k / p}, {k % p}): {meat[k]:R} vs {expected[k]:R}");
            }
        }

        Assert.Throws<ArgumentException>(() => VectorKernels.AddOuterUpper(new double[9], new double[15], 3));
        Assert.Throws<ArgumentException>(() => VectorKernels.AddOuterUpper(new double[9], new double[8], 3));
    }

    [Fact]
    public void AMeatOfTheWrongSizeIsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorKernels.AddOuterUpper(new double[8], new double[3]));
        Assert.Equal("meat", error.ParamName);
    }

    [Fact]
    public void AllocatesNothing()
    {
        double[] score = [0.5, -1, 0, 2, 3, -4, 5, 6, 7, 8, 9];
        double[] meat = new double[score.Length * score.Length];
        VectorKernels.AddOuterUpper(meat, score);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++)
        {
            VectorKernels.AddOuterUpper(meat, score);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
