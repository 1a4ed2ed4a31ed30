using System;

namespace MleGen;

/// <summary>One rank's part of an ordered fold: adds this rank's contributions into the running accumulator, in order.</summary>
internal interface IRankFold
{
    /// <summary>Adds this rank's contributions into <paramref name="accumulator"/> (which holds the sum over the ranks before it).</summary>
    void Fold(Span<double> accumulator);
}
