using System;

namespace MleGen;

/// <summary>
/// A thread's last results of a pure function of two doubles, a ring keyed by the exact bits of both arguments: the
/// generated code asks for several pieces of one evaluation at the same point (a value, its ratio and derivatives; a
/// vector kernel each lane of each), and a hit is bit for bit what a new evaluation would give.
/// </summary>
/// <typeparam name="T">The result.</typeparam>
internal sealed class PairCache<T>
{
    /// <summary>Two 8-lane vector blocks of distinct points (an observation's and a truncation bound's) fit.</summary>
    public const int Size = 32;

    private readonly long[] _first = new long[Size];
    private readonly long[] _second = new long[Size];
    private readonly T[] _results = new T[Size];
    private int _count;
    private int _next;

    public bool TryGet(double first, double second, out T result)
    {
        long k1 = BitConverter.DoubleToInt64Bits(first), k2 = BitConverter.DoubleToInt64Bits(second);
        for (int k = 0; k < _count; k++)
        {
            if (_second[k] == k2 && _first[k] == k1)
            {
                result = _results[k];
                return true;
            }
        }

        result = default!;
        return false;
    }

    public void Add(double first, double second, T result)
    {
        _first[_next] = BitConverter.DoubleToInt64Bits(first);
        _second[_next] = BitConverter.DoubleToInt64Bits(second);
        _results[_next] = result;
        _next = (_next + 1) % Size;
        _count = Math.Min(_count + 1, Size);
    }
}
