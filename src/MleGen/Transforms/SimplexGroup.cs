namespace MleGen;

/// <summary>
/// A contiguous run of θ indices on a probability simplex: K members mapped from K − 1 free coordinates, or — with one
/// member held fixed at t (a profile, or <see cref="FitOptions.Fixed"/>) — the other K − 1 members on a simplex of
/// total 1 − t, mapped from K − 2 free coordinates.
/// </summary>
/// <param name="ThetaStart">The first θ index of the group.</param>
/// <param name="Size">K, the number of members (the last free one is the reference).</param>
/// <param name="FreeStart">The first unconstrained coordinate of the group.</param>
/// <param name="FixedMember">The θ index of the held member, or −1.</param>
internal readonly record struct SimplexGroup(int ThetaStart, int Size, int FreeStart, int FixedMember = -1)
{
    /// <summary>The members that move (all but the held one).</summary>
    public int FreeMembers => FixedMember < 0 ? Size : Size - 1;

    /// <summary>The θ index of the <paramref name="rank"/>-th member that moves (the last one is the softmax's reference).</summary>
    public int Member(int rank) => FixedMember >= 0 && ThetaStart + rank >= FixedMember ? ThetaStart + rank + 1 : ThetaStart + rank;
}
