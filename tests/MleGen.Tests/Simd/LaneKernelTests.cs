using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// The block kernels that read a vector's lanes one at a time (gradient row updates, score rows, lane scatters and
/// copies) take each lane by constant index since the width-8 kernels were found stalling on a stack round trip. These
/// pin their results bit for bit against plain loops in the documented order: the 4-wide column body fused
/// (<see cref="VectorMath.UsesFusedMultiplyAdd"/>), the scalar tail of <see cref="VectorKernels.AddScaledRows(Span{double}, double[,], int, Vector512{double})"/>
/// multiplied then added, for every column count around the vector width.
/// </summary>
public class LaneKernelTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void AddScaledRows_AddsEachRowInOrder_VectorColumnsFusedAndTheTailNot(int width)
    {
        var random = new Random(17);
        for (int columns = 1; columns <= 13; columns++)
        {
            for (int count = 0; count <= columns; count++)
            {
                double[,] x = Matrix(random, 3 + width, columns);
                double[] scale = Values(random, width);
                double[] start = Values(random, count);
                int i = 2;
                double[] expected = (double[])start.Clone();
                int vectorEnd = Vector256.IsHardwareAccelerated && count >= 4 ? count & ~3 : 0;
                for (int j = 0; j < count; j++)
                {
                    for (int k = 0; k < width; k++)
                    {
                        expected[j] = j < vectorEnd ? Fused(scale[k], x[i + k, j], expected[j]) : expected[j] + (scale[k] * x[i + k, j]);
                    }
                }

                double[] actual = (double[])start.Clone();
                if (width == 4)
                {
                    VectorKernels.AddScaledRows(actual, x, i, Vector256.Create(scale));
                }
                else
                {
                    VectorKernels.AddScaledRows(actual, x, i, Vector512.Create(scale));
                }

                Assert.Equal(expected, actual);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void ScoreRowsAndLaneScatter_WriteLaneKToRowK(int width)
    {
        var random = new Random(23);
        const int p = 9, offset = 2, count = 6, i = 1;
        double[,] x = Matrix(random, i + width, 7);
        double[] scale = Values(random, width);
        double[] scores = Values(random, width * p);
        double[] expected = (double[])scores.Clone();
        for (int k = 0; k < width; k++)
        {
            for (int j = 0; j < count; j++)
            {
                expected[(k * p) + offset + j] = Fused(scale[k], x[i + k, j], expected[(k * p) + offset + j]);
            }

            expected[(k * p) + p - 1] += scale[k];
        }

        if (width == 4)
        {
            VectorKernels.AddScoreRows(scores, p, offset, x, count, i, Vector256.Create(scale));
            VectorKernels.ScatterLanes(scores, p, p - 1, Vector256.Create(scale));
        }
        else
        {
            VectorKernels.AddScoreRows(scores, p, offset, x, count, i, Vector512.Create(scale));
            VectorKernels.ScatterLanes(scores, p, p - 1, Vector512.Create(scale));
        }

        Assert.Equal(expected, scores);
    }

    [Fact]
    public void StoreLanes_CopiesEveryLaneToItsIndexAndNothingElse()
    {
        double[] lanes = [1.5, -2, 3.25, 4, -5.5, 6, 7.75, -8];
        var eight = new double[10];
        VectorKernels.StoreLanes(Vector512.Create(lanes), eight.AsSpan(1, 8));
        Assert.Equal([0, .. lanes, 0], eight);
        var four = new double[6];
        VectorKernels.StoreLanes(Vector256.Create(lanes.AsSpan(0, 4)), four.AsSpan(1, 4));
        Assert.Equal([0, .. lanes[..4], 0], four);
        Assert.Throws<IndexOutOfRangeException>(() => VectorKernels.StoreLanes(Vector512.Create(lanes), new double[7]));
    }

    private static double Fused(double a, double b, double c) => VectorMath.UsesFusedMultiplyAdd ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    private static double[,] Matrix(Random random, int rows, int columns)
    {
        var x = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                x[r, c] = (random.NextDouble() * 2) - 1;
            }
        }

        return x;
    }

    private static double[] Values(Random random, int n)
    {
        var v = new double[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = (random.NextDouble() * 3) - 1.5;
        }

        return v;
    }
}
