using System;

namespace MleGen;

/// <summary>
/// Every work array of an L-BFGS or OWL-QN run, allocated once; a workspace can be reused by later
/// runs of the same dimension, which then allocate nothing.
/// </summary>
internal sealed class LbfgsWorkspace
{
    /// <summary>Allocates the arrays for <paramref name="dimension"/> coordinates and <paramref name="memory"/> correction pairs.</summary>
    public LbfgsWorkspace(int dimension, int memory = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        Dimension = dimension;
        Memory = memory;
        S = new double[memory * dimension];
        Y = new double[memory * dimension];
        Rho = new double[memory];
        Alpha = new double[memory];
        Gradient = new double[dimension];
        Direction = new double[dimension];
        XNew = new double[dimension];
        GradientNew = new double[dimension];
        PseudoGradient = new double[dimension];
        Orthant = new double[dimension];
    }

    /// <summary>n.</summary>
    public int Dimension { get; }

    /// <summary>m, the number of stored correction pairs.</summary>
    public int Memory { get; }

    internal double[] S { get; }

    internal double[] Y { get; }

    internal double[] Rho { get; }

    internal double[] Alpha { get; }

    internal double[] Gradient { get; }

    internal double[] Direction { get; }

    internal double[] XNew { get; }

    internal double[] GradientNew { get; }

    internal double[] PseudoGradient { get; }

    internal double[] Orthant { get; }

    /// <summary>Index of the newest stored pair.</summary>
    internal int Head { get; set; }

    /// <summary>Number of stored pairs.</summary>
    internal int Count { get; set; }

    /// <summary>Forgets the stored pairs.</summary>
    internal void Reset()
    {
        Head = -1;
        Count = 0;
    }

    /// <summary>Stores s = xNew − x, y = gNew − g when sᵀy is safely positive; returns whether it did.</summary>
    internal bool Push(ReadOnlySpan<double> x, ReadOnlySpan<double> xNew, ReadOnlySpan<double> g, ReadOnlySpan<double> gNew)
    {
        int n = Dimension;
        int slot = (Head + 1) % Memory;
        Span<double> s = S.AsSpan(slot * n, n);
        Span<double> y = Y.AsSpan(slot * n, n);
        double sy = 0, ss = 0, yy = 0;
        for (int i = 0; i < n; i++)
        {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
            sy += s[i] * y[i];
            ss += s[i] * s[i];
            yy += y[i] * y[i];
        }

        // Skip pairs that would break positive definiteness (curvature below ε‖s‖‖y‖).
        if (!(sy > 2.2e-16 * Math.Sqrt(ss * yy)))
        {
            return false;
        }

        Rho[slot] = 1 / sy;
        Head = slot;
        Count = Math.Min(Count + 1, Memory);
        return true;
    }

    /// <summary>The two-loop recursion: <paramref name="result"/> = −H·<paramref name="g"/> with H the L-BFGS inverse-Hessian approximation.</summary>
    internal void TwoLoop(ReadOnlySpan<double> g, Span<double> result)
    {
        int n = Dimension;
        g.CopyTo(result);
        for (int k = 0, slot = Head; k < Count; k++, slot = (slot - 1 + Memory) % Memory)
        {
            double a = Rho[slot] * Vectors.Dot(S.AsSpan(slot * n, n), result);
            Alpha[slot] = a;
            ReadOnlySpan<double> y = Y.AsSpan(slot * n, n);
            for (int i = 0; i < n; i++)
            {
                result[i] -= a * y[i];
            }
        }

        if (Count > 0)
        {
            // Initial scaling γ = sᵀy / yᵀy of the newest pair (N&W eq. 7.20).
            ReadOnlySpan<double> yNewest = Y.AsSpan(Head * n, n);
            double gamma = 1 / (Rho[Head] * Vectors.Dot(yNewest, yNewest));
            for (int i = 0; i < n; i++)
            {
                result[i] *= gamma;
            }
        }

        int oldest = (Head - Count + 1 + Memory) % Memory;
        for (int k = 0, slot = oldest; k < Count; k++, slot = (slot + 1) % Memory)
        {
            double b = Rho[slot] * Vectors.Dot(Y.AsSpan(slot * n, n), result);
            ReadOnlySpan<double> s = S.AsSpan(slot * n, n);
            double c = Alpha[slot] - b;
            for (int i = 0; i < n; i++)
            {
                result[i] += c * s[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            result[i] = -result[i];
        }
    }
}
