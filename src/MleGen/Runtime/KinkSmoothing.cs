using System;
using System.ComponentModel;

namespace MleGen;

/// <summary>The checks of a kink smoothing ε passed to an evaluation (see <see cref="IMleModel.HasKinks"/>); used by the generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KinkSmoothing
{
    /// <summary>Throws unless <paramref name="smoothing"/> is finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="smoothing"/> is negative, infinite or NaN.</exception>
    public static void Check(double smoothing)
    {
        if (!(smoothing >= 0) || double.IsInfinity(smoothing))
        {
            throw new ArgumentOutOfRangeException("kinkSmoothing", smoothing, "The kink smoothing must be finite and non-negative.");
        }
    }

    /// <summary>
    /// The check of <see cref="IMleModel"/>'s default smoothed members: ε must be valid, and a model with kinks must implement
    /// the smoothing itself (the default would silently evaluate the kinked model).
    /// </summary>
    internal static void Require(double smoothing, bool hasKinks)
    {
        Check(smoothing);
        if (smoothing != 0 && hasKinks)
        {
            throw new NotSupportedException("This model reports kinks (HasKinks) but does not implement their smoothing: implement the kinkSmoothing overloads of IMleModel.");
        }
    }
}
