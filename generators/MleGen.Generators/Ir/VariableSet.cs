using System;

namespace MleGen.Generators.Ir;

/// <summary>A small immutable set of lambda variables (ids below 64), as a bit mask.</summary>
internal readonly struct VariableSet : IEquatable<VariableSet>
{
    public const int Capacity = 64;

    private readonly ulong _bits;

    private VariableSet(ulong bits) => _bits = bits;

    public static VariableSet Empty => default;

    public static VariableSet Of(int variable) => new(1UL << variable);

    public bool IsEmpty => _bits == 0;

    public bool Contains(int variable) => (_bits & (1UL << variable)) != 0;

    public VariableSet Union(VariableSet other) => new(_bits | other._bits);

    public VariableSet Without(int variable) => new(_bits & ~(1UL << variable));

    public VariableSet Except(VariableSet other) => new(_bits & ~other._bits);

    public bool IsSubsetOf(VariableSet other) => (_bits & ~other._bits) == 0;

    /// <summary>The variables in ascending id order.</summary>
    public int[] ToArray()
    {
        int count = 0;
        for (ulong b = _bits; b != 0; b &= b - 1)
        {
            count++;
        }

        var result = new int[count];
        int k = 0;
        for (int v = 0; v < Capacity; v++)
        {
            if (Contains(v))
            {
                result[k++] = v;
            }
        }

        return result;
    }

    public bool Equals(VariableSet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is VariableSet other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();
}
