using System;
using System.Collections.Generic;
using System.Globalization;

namespace MleGen;

/// <summary>
/// Named columns of equal length — numeric variables and factors — from which <see cref="Design"/>
/// builds a model matrix the way R's <c>model.matrix</c> does: factors treatment-coded against their
/// first level, interactions as products, an optional intercept column, R's column names.
/// </summary>
/// <example>
/// <code>
/// var frame = new ModelFrame()
///     .AddFactor("wool", wool)                                   // string[]: levels sorted (A, B)
///     .AddFactor("tension", tension, levels: ["L", "M", "H"]);   // levels in the given order
/// DesignMatrix design = frame.Design("wool * tension");          // (Intercept), woolB, tensionM, tensionH, woolB:tensionM, woolB:tensionH
/// var model = new PoissonRegression { X = design.Matrix, Y = breaks, Beta = new double[design.ColumnCount] };
/// </code>
/// </example>
public sealed class ModelFrame
{
    private readonly Dictionary<string, FrameVariable> _variables = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>n, the common length of the columns (0 before the first is added).</summary>
    public int RowCount { get; private set; }

    /// <summary>The column names in the order they were added.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Adds a numeric variable (a copy of <paramref name="values"/>).</summary>
    /// <exception cref="ArgumentException">The name is taken or empty, the length differs from the other columns', or a value is NaN or infinite (the message names the row).</exception>
    public ModelFrame Add(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double x = values[i];
            if (!double.IsFinite(x))
            {
                throw new ArgumentException($"Column '{name}', row {i.ToString(CultureInfo.InvariantCulture)}: {x.ToString(CultureInfo.InvariantCulture)} is not a finite number.", nameof(values));
            }

            copy[i] = x;
        }

        return Register(FrameVariable.Numeric(name, copy));
    }

    /// <summary>Adds a numeric variable from integers (counts, years, doses).</summary>
    /// <exception cref="ArgumentException">The name is taken or empty, or the length differs from the other columns'.</exception>
    public ModelFrame Add(string name, IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return Register(FrameVariable.Numeric(name, copy));
    }

    /// <summary>
    /// Adds a factor. Its levels are <paramref name="levels"/> in the given order when given (levels that
    /// never occur are kept, as R keeps them: their indicator columns are zero), otherwise the distinct
    /// values sorted ordinally. The first level is the reference level of treatment coding.
    /// </summary>
    /// <exception cref="ArgumentException">The name is taken or empty, the length differs, a value is null, a value is not among the given levels, or the given levels repeat (the message names the row or level).</exception>
    public ModelFrame AddFactor(string name, IReadOnlyList<string> values, IReadOnlyList<string>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentException($"Column '{name}', row {i.ToString(CultureInfo.InvariantCulture)}: the value is null (missing values are not supported; drop the row).", nameof(values));
            }
        }

        string[] levelArray = levels is null ? SortedDistinct(values) : CheckLevels(name, levels);
        var index = new Dictionary<string, int>(levelArray.Length, StringComparer.Ordinal);
        for (int k = 0; k < levelArray.Length; k++)
        {
            index[levelArray[k]] = k;
        }

        var codes = new int[values.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = index.TryGetValue(values[i], out int code)
                ? code
                : throw new ArgumentException($"Column '{name}', row {i.ToString(CultureInfo.InvariantCulture)}: '{values[i]}' is not one of the levels {string.Join(", ", levelArray)}.", nameof(values));
        }

        return Register(FrameVariable.Factor(name, codes, levelArray));
    }

    /// <summary>Adds a factor of an enum type: its levels are the enum's named values in ascending value order (the first is the reference level), named by their names.</summary>
    /// <exception cref="ArgumentException">The name is taken or empty, the length differs, or a value is not a named member of <typeparamref name="TEnum"/>.</exception>
    public ModelFrame AddFactor<TEnum>(string name, IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckNew(name, values.Count);
        TEnum[] members = Enum.GetValues<TEnum>();
        var levels = new List<string>(members.Length);
        var index = new Dictionary<TEnum, int>(members.Length);
        foreach (TEnum member in members)
        {
            // Aliases (two names, one value) are one level, named by its first name.
            if (index.TryAdd(member, levels.Count))
            {
                levels.Add(member.ToString());
            }
        }

        var codes = new int[values.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = index.TryGetValue(values[i], out int code)
                ? code
                : throw new ArgumentException($"Column '{name}', row {i.ToString(CultureInfo.InvariantCulture)}: {values[i]} is not a named value of {typeof(TEnum).Name}.", nameof(values));
        }

        return Register(FrameVariable.Factor(name, codes, [.. levels]));
    }

    /// <summary>True when column <paramref name="name"/> is a factor.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public bool IsFactor(string name) => Get(name).IsFactor;

    /// <summary>The levels of factor <paramref name="name"/> in order (the first is the reference level); empty for a numeric column.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public IReadOnlyList<string> Levels(string name) => Get(name).LevelList;

    /// <summary>
    /// The model matrix of <paramref name="formula"/>, the right-hand side of an R formula over this
    /// frame's columns: <c>a + b</c>, interactions <c>a:b</c>, crossings <c>a * b</c> (= <c>a + b + a:b</c>),
    /// parentheses, <c>- term</c>, <c>0</c> or <c>- 1</c> for no intercept, names in backticks; a leading
    /// <c>~</c> is allowed. Terms are ordered by degree as in R; factors are coded as R codes them
    /// with <c>contr.treatment</c> (see <see cref="DesignMatrix"/>).
    /// </summary>
    /// <param name="formula">E.g. <c>"wool * tension"</c>, <c>"~ 0 + supp + dose"</c>, <c>"dose:supp"</c>.</param>
    /// <param name="interceptColumn">
    /// Whether the matrix carries the <c>(Intercept)</c> column of ones when the model has an intercept.
    /// Pass false for a model with its own intercept parameter: the factors are still coded as in a
    /// model with an intercept. (A formula with <c>0</c> or <c>- 1</c> has no intercept column either way.)
    /// </param>
    /// <exception cref="FormatException">The formula is outside the supported subset (the message says where).</exception>
    /// <exception cref="KeyNotFoundException">The formula names a column the frame does not have.</exception>
    /// <exception cref="ArgumentException">A factor in the formula has fewer than two levels.</exception>
    public DesignMatrix Design(string formula, bool interceptColumn = true)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (_names.Count == 0)
        {
            throw new InvalidOperationException("The frame has no columns.");
        }

        return DesignBuilder.Build(ModelFormula.Parse(formula), Get, RowCount, interceptColumn);
    }

    private FrameVariable Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _variables.TryGetValue(name, out FrameVariable? variable)
            ? variable
            : throw new KeyNotFoundException($"The frame has no column '{name}' (it has {string.Join(", ", _names)}).");
    }

    private void CheckNew(string name, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_variables.ContainsKey(name))
        {
            throw new ArgumentException($"The frame already has a column '{name}'.", nameof(name));
        }

        if (count == 0)
        {
            throw new ArgumentException($"Column '{name}' is empty.", nameof(name));
        }

        if (_names.Count > 0 && count != RowCount)
        {
            throw new ArgumentException($"Column '{name}' has {count.ToString(CultureInfo.InvariantCulture)} rows; the frame has {RowCount.ToString(CultureInfo.InvariantCulture)}.", nameof(name));
        }
    }

    private ModelFrame Register(FrameVariable variable)
    {
        _variables.Add(variable.Name, variable);
        _names.Add(variable.Name);
        RowCount = variable.RowCount;
        return this;
    }

    private static string[] SortedDistinct(IReadOnlyList<string> values)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string v in values)
        {
            set.Add(v);
        }

        string[] levels = [.. set];
        Array.Sort(levels, StringComparer.Ordinal);
        return levels;
    }

    private static string[] CheckLevels(string name, IReadOnlyList<string> levels)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[levels.Count];
        for (int k = 0; k < result.Length; k++)
        {
            string level = levels[k] ?? throw new ArgumentException($"Factor '{name}': level {k.ToString(CultureInfo.InvariantCulture)} is null.", nameof(levels));
            if (!seen.Add(level))
            {
                throw new ArgumentException($"Factor '{name}': the level '{level}' is given twice.", nameof(levels));
            }

            result[k] = level;
        }

        return result;
    }
}
