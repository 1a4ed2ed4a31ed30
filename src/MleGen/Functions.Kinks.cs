using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace MleGen;

public static partial class Functions
{
    /// <summary>|z| smoothed at the kink: √(z² + ε²) − ε for ε &gt; 0 (within ε of |z|), exactly |z| for ε = 0.</summary>
    /// <param name="z">The argument.</param>
    /// <param name="smoothing">ε ≥ 0.</param>
    /// <returns>The smoothed absolute value.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SmoothAbs(double z, double smoothing) =>
        smoothing > 0 ? Hypot(z, smoothing) - smoothing : Math.Abs(z);

    /// <summary>The derivative of <see cref="SmoothAbs"/>: z/√(z² + ε²), or sign z for ε = 0 (0 at the kink).</summary>
    /// <param name="z">The argument.</param>
    /// <param name="smoothing">ε ≥ 0.</param>
    /// <returns>The slope, in [−1, 1].</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SmoothSign(double z, double smoothing) =>
        smoothing > 0 ? z / Hypot(z, smoothing) : Math.Sign(z);

    /// <summary>The second derivative of <see cref="SmoothAbs"/>: ε²/(z² + ε²)^{3/2}, or 0 for ε = 0.</summary>
    /// <param name="z">The argument.</param>
    /// <param name="smoothing">ε ≥ 0.</param>
    /// <returns>The curvature, ≥ 0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SmoothSignDerivative(double z, double smoothing)
    {
        if (!(smoothing > 0))
        {
            return 0;
        }

        double r = Hypot(z, smoothing);
        double e = smoothing / r;
        return e * e / r;
    }

    /// <summary>√(a² + b²) without overflow or underflow for b &gt; 0.</summary>
    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        double big = Math.Max(x, y), small = Math.Min(x, y);
        double t = small / big;
        return big * Math.Sqrt(1 + (t * t));
    }
}
