using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// A model matrix built by <see cref="ModelFrame.Design"/>: one row per observation, one column per
/// coefficient, named as R's <c>model.matrix</c> names them (<c>(Intercept)</c>, <c>woolB</c>,
/// <c>tensionM</c>, <c>woolB:tensionM</c>, <c>dose</c>, <c>suppVC:dose</c>).
/// </summary>
public sealed class DesignMatrix
{
    private readonly string[] _columnNames;
    private readonly string[] _terms;
    private readonly int[] _assign;

    internal DesignMatrix(string formula, double[,] matrix, string[] columnNames, string[] terms, int[] assign, bool hasIntercept, bool hasInterceptColumn)
    {
        Formula = formula;
        Matrix = matrix;
        _columnNames = columnNames;
        _terms = terms;
        _assign = assign;
        HasIntercept = hasIntercept;
        HasInterceptColumn = hasInterceptColumn;
    }

    /// <summary>The formula the matrix was built from, as given.</summary>
    public string Formula { get; }

    /// <summary>
    /// The n×p matrix itself (not a copy), ready for a <c>[Data] double[,]</c> member: treatment-coded
    /// factors (0/1 indicators), numeric variables as they are, interactions as products.
    /// </summary>
    public double[,] Matrix { get; }

    /// <summary>n, the number of rows.</summary>
    public int RowCount => Matrix.GetLength(0);

    /// <summary>p, the number of columns.</summary>
    public int ColumnCount => Matrix.GetLength(1);

    /// <summary>The column names in order, as R's <c>colnames(model.matrix(…))</c>.</summary>
    public IReadOnlyList<string> ColumnNames => _columnNames;

    /// <summary>The term labels in order (R's <c>attr(terms, "term.labels")</c>): <c>wool</c>, <c>tension</c>, <c>wool:tension</c>.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>
    /// For each column, the term it codes: 0 for the intercept column, k for <c>Terms[k − 1]</c>
    /// (R's <c>attr(X, "assign")</c>).
    /// </summary>
    public IReadOnlyList<int> Assign => _assign;

    /// <summary>True when the model has an intercept (the formula did not remove it), so every factor of a main effect drops its reference level.</summary>
    public bool HasIntercept { get; }

    /// <summary>True when the matrix carries the <c>(Intercept)</c> column of ones (its first column).</summary>
    public bool HasInterceptColumn { get; }

    /// <summary>The formula, the size and the column names.</summary>
    public override string ToString() => $"{Formula}: {RowCount} × {ColumnCount} [{string.Join(", ", _columnNames)}]";
}
