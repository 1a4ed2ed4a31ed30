using System;

namespace MleGen.Mpi.Sample;

/// <summary>
/// Synthetic logistic data where row i depends only on i (a counter-based generator), so each rank
/// makes its own rows without the others' — as it would read its own part of a file.
/// </summary>
internal static class SyntheticRows
{
    public static ShardedLogistic Load(long start, int count, int columns)
    {
        var x = new double[count, columns];
        var y = new int[count];
        for (int r = 0; r < count; r++)
        {
            long row = start + r;
            double eta = 0.25;
            for (int j = 0; j < columns; j++)
            {
                x[r, j] = (2 * Uniform(row, j)) - 1;
                eta += (j % 2 == 0 ? 0.5 : -0.3) / Math.Sqrt(1 + j) * x[r, j];
            }

            y[r] = Uniform(row, columns) < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
        }

        return new ShardedLogistic { X = x, Y = y, Beta = new double[columns] };
    }

    /// <summary>A uniform in [0, 1) from (row, column): SplitMix64's finalizer over a unique counter.</summary>
    private static double Uniform(long row, int column)
    {
        ulong z = unchecked(((ulong)row * 0x9E3779B97F4A7C15UL) + ((ulong)column * 0xD1B54A32D192ED03UL) + 0x632BE59BD9B4E019UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
