using System.Collections.Generic;

namespace MleGen;

/// <summary>One column of a <see cref="ModelFrame"/>: numeric values, or a factor's level codes (0-based) and level names.</summary>
internal sealed class FrameVariable
{
    private FrameVariable(string name, double[]? values, int[]? codes, string[]? levels)
    {
        Name = name;
        Values = values;
        Codes = codes;
        Levels = levels;
    }

    public string Name { get; }

    /// <summary>The values of a numeric variable; null for a factor.</summary>
    public double[]? Values { get; }

    /// <summary>Each row's level index of a factor; null for a numeric variable.</summary>
    public int[]? Codes { get; }

    /// <summary>A factor's level names in order (the first is the reference level); null for a numeric variable.</summary>
    public string[]? Levels { get; }

    public bool IsFactor => Codes is not null;

    public int RowCount => Values?.Length ?? Codes!.Length;

    public static FrameVariable Numeric(string name, double[] values) => new(name, values, null, null);

    public static FrameVariable Factor(string name, int[] codes, string[] levels) => new(name, null, codes, levels);

    public IReadOnlyList<string> LevelList => Levels ?? [];
}
