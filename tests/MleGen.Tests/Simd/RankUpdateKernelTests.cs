using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace MleGen.Tests.Simd;

/// <summary>
/// <see cref="VectorKernels.AddScaledOuter(Span{double}, int, int, int, double[,], int, double[,], int, int, Vector256{double}, bool)"/>,
/// the information matrices' rank-W update, against the plain loop of its documented order: entry (r, c) adds
/// (a[i + k, r]·scale[k])·b[i + k, c] for k = 0 … W − 1, each a fused multiply–add iff
/// <see cref="VectorMath.UsesFusedMultiplyAdd"/>, whatever the entry's column (vector tile or scalar tail) and however
/// the kernel groups the matrix rows (4 at a time, then one by one, in strips of 64 rows). Bit for bit, on the diagonal
/// block (nothing left of the diagonal written) and off it, for row and column counts around the vector width and the
/// strip, at nonzero offsets in a larger matrix.
/// </summary>
public class RankUpdateKernelTests
{
    [Theory]
    [InlineData(4, true)]
    [InlineData(8, true)]
    [InlineData(4, false)]
    [InlineData(8, false)]
    public void AddScaledOuter_AddsTheBlockInObservationOrder_BitForBit(int width, bool upper)
    {
        var random = new Random(width + (upper ? 100 : 0));
        int[] sizes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 16, 19, 20, 21, 33, 63, 64, 65, 70];
        foreach (int rows in sizes)
        {
            foreach (int columns in upper ? [rows, rows + 3, Math.Max(0, rows - 2)] : new[] { 1, 4, 7, 13, 20 })
            {
                int row = 2, column = upper ? row : 5, p = Math.Max(row, column) + Math.Max(rows, columns) + 3, i = 3;
                double[,] a = Matrix(random, i + width + 2, Math.Max(rows, columns) + 1);
                double[,] b = upper ? a : Matrix(random, i + width + 2, columns + 2);
                double[] scale = new double[width];
                for (int k = 0; k < width; k++)
                {
                    scale[k] = k == 2 ? 0 : (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-5, 6));
                }

                double[] start = new double[p * p];
                for (int k = 0; k < start.Length; k++)
                {
                    start[k] = random.NextDouble() - 0.5;
                }

                double[] expected = (double[])start.Clone();
                for (int r = 0; r < rows; r++)
                {
                    for (int c = upper ? r : 0; c < columns; c++)
                    {
                        double t = expected[((row + r) * p) + column + c];
                        for (int k = 0; k < width; k++)
                        {
                            double w = a[i + k, r] * scale[k];
                            t = VectorMath.UsesFusedMultiplyAdd ? Math.FusedMultiplyAdd(w, b[i + k, c], t) : (w * b[i + k, c]) + t;
                        }

                        expected[((row + r) * p) + column + c] = t;
                    }
                }

                double[] actual = (double[])start.Clone();
                if (width == 4)
                {
                    VectorKernels.AddScaledOuter(actual, p, row, column, a, rows, b, columns, i, Vector256.Create(scale), upper);
                }
                else
                {
                    VectorKernels.AddScaledOuter(actual, p, row, column, a, rows, b, columns, i, Vector512.Create(scale), upper);
                }

                for (int k = 0; k < actual.Length; k++)
                {
                    Assert.True(
                        BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]),
                        $"W = {width}, upper = {upper}, rows = {rows}, columns = {columns}, entry ({k / p}, {k % p}): {actual[k]:R} vs {expected[k]:R}");
                }
            }
        }
    }

    [Fact]
    public void AddScaledOuter_RejectsAMatrixTooSmallForTheBlock()
    {
        double[,] x = new double[8, 5];
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorKernels.AddScaledOuter(new double[24], 5, 0, 0, x, 5, x, 5, 0, Vector256<double>.One, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorKernels.AddScaledOuter(new double[25], 5, 1, 0, x, 5, x, 5, 0, Vector256<double>.One, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorKernels.AddScaledOuter(new double[25], 5, 0, 0, x, 6, x, 5, 0, Vector512<double>.One, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => VectorKernels.AddScaledOuter(new double[25], 5, 0, 0, x, 5, x, 5, 1, Vector512<double>.One, true));
    }

    [Fact]
    public void AddScaledOuter_AllocatesNothing()
    {
        var random = new Random(3);
        double[,] x = Matrix(random, 16, 20);
        double[] matrix = new double[400];
        var scale = Vector512.Create(0.25);
        VectorKernels.AddScaledOuter(matrix, 20, 0, 0, x, 20, x, 20, 8, scale, true);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++)
        {
            VectorKernels.AddScaledOuter(matrix, 20, 0, 0, x, 20, x, 20, 8, scale, true);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[,] Matrix(Random random, int rows, int columns)
    {
        var x = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                x[r, c] = (r + c) % 7 == 4 ? 0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 5));
            }
        }

        return x;
    }
}
