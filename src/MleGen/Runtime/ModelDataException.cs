using System;

namespace MleGen;

/// <summary>Thrown when a model's data cannot be evaluated: a NaN or infinite value, mismatched lengths, an observation outside its family's support, or empty data. The message names the member and the index.</summary>
public sealed class ModelDataException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="member"/> at <paramref name="index"/> (−1 when the whole member is at fault).</summary>
    public ModelDataException(string member, int index, string message)
        : base(index >= 0 ? $"{member}[{index}]: {message}" : $"{member}: {message}", member)
    {
        Member = member;
        Index = index;
    }

    /// <summary>The data member at fault.</summary>
    public string Member { get; }

    /// <summary>The index of the offending element, or −1 when the member as a whole is at fault.</summary>
    public int Index { get; }
}
