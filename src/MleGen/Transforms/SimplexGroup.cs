namespace MleGen;

/// <summary>A contiguous run of θ indices on a probability simplex: K members mapped from K − 1 free coordinates.</summary>
/// <param name="ThetaStart">The first θ index of the group.</param>
/// <param name="Size">K, the number of members (the last is the reference).</param>
/// <param name="FreeStart">The first unconstrained coordinate of the group (K − 1 of them).</param>
internal readonly record struct SimplexGroup(int ThetaStart, int Size, int FreeStart);
