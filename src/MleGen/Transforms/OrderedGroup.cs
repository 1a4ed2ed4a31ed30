namespace MleGen;

/// <summary>
/// A contiguous run of θ indices that must be strictly increasing (<c>[Param(Ordered = true)]</c>). One member, the
/// anchor, is a coordinate of its own (θ_a = u) or held fixed (a profile, or <see cref="FitOptions.Fixed"/>); each other
/// member is its neighbour towards the anchor plus or minus exp(u): θ_k = θ_{k−1} + e^{u_k} above the anchor and
/// θ_k = θ_{k+1} − e^{u_k} below it. Without a held member the anchor is the first member (first free, then log increments).
/// </summary>
/// <param name="ThetaStart">The first θ index of the group.</param>
/// <param name="Size">The number of members.</param>
/// <param name="Anchor">The θ index of the anchor.</param>
/// <param name="AnchorFixed">True when the anchor is held (it then has no coordinate).</param>
internal readonly record struct OrderedGroup(int ThetaStart, int Size, int Anchor, bool AnchorFixed)
{
    /// <summary>One past the last θ index of the group.</summary>
    public int End => ThetaStart + Size;
}
