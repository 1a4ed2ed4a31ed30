using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// Builds the model matrix of a parsed formula over a frame's variables with R's rules
/// (<c>model.matrix</c> with <c>contr.treatment</c>): a factor in a term is coded by contrasts
/// (dropping its first level) when the term without it is empty or contained in an earlier term,
/// and by one indicator per level otherwise; without an intercept the first factor of the first term
/// that has one is coded by indicators. Columns of a term vary its first variable fastest.
/// </summary>
internal static class DesignBuilder
{
    public static DesignMatrix Build(ModelFormula formula, Func<string, FrameVariable> lookup, int rowCount, bool interceptColumn)
    {
        interceptColumn &= formula.HasIntercept;
        var variables = new FrameVariable[formula.Variables.Count];
        for (int v = 0; v < variables.Length; v++)
        {
            variables[v] = lookup(formula.Variables[v]);
        }

        bool[][] byContrasts = Coding(formula, variables);
        var names = new List<string>();
        var assign = new List<int>();
        var factors = new List<Func<int, double>[]>();
        if (interceptColumn)
        {
            names.Add("(Intercept)");
            assign.Add(0);
            factors.Add([]);
        }

        var labels = new string[formula.Terms.Count];
        for (int k = 0; k < formula.Terms.Count; k++)
        {
            ulong term = formula.Terms[k];
            labels[k] = formula.Label(term);
            var columns = new List<(string Name, Func<int, double>[] Parts)> { (string.Empty, []) };
            int m = 0;
            foreach (int v in ModelFormula.Members(term))
            {
                columns = Expand(columns, variables[v], byContrasts[k][m++]);
            }

            foreach ((string name, Func<int, double>[] parts) in columns)
            {
                names.Add(name);
                assign.Add(k + 1);
                factors.Add(parts);
            }
        }

        var matrix = new double[rowCount, names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            Func<int, double>[] parts = factors[j];
            for (int i = 0; i < rowCount; i++)
            {
                double x = 1;
                foreach (Func<int, double> part in parts)
                {
                    x *= part(i);
                }

                matrix[i, j] = x;
            }
        }

        return new DesignMatrix(formula.Text, matrix, names.ToArray(), labels, assign.ToArray(), formula.HasIntercept, interceptColumn);
    }

    /// <summary>For each term and each of its variables (formula order): true when a factor is coded by contrasts.</summary>
    private static bool[][] Coding(ModelFormula formula, FrameVariable[] variables)
    {
        IReadOnlyList<ulong> terms = formula.Terms;
        var coding = new bool[terms.Count][];
        for (int k = 0; k < terms.Count; k++)
        {
            var members = new List<bool>();
            foreach (int v in ModelFormula.Members(terms[k]))
            {
                ulong margin = terms[k] & ~(1UL << v);
                bool contained = margin == 0;
                for (int earlier = 0; earlier < k && !contained; earlier++)
                {
                    contained = (margin & ~terms[earlier]) == 0;
                }

                members.Add(contained);
            }

            coding[k] = [.. members];
        }

        if (!formula.HasIntercept)
        {
            // R: without an intercept the first factor found (first term, then formula order) gets indicators.
            for (int k = 0; k < terms.Count; k++)
            {
                int m = 0;
                foreach (int v in ModelFormula.Members(terms[k]))
                {
                    if (variables[v].IsFactor)
                    {
                        coding[k][m] = false;
                        return coding;
                    }

                    m++;
                }
            }
        }

        return coding;
    }

    /// <summary>Multiplies the term's columns so far by one variable's columns (the earlier variables vary fastest).</summary>
    private static List<(string Name, Func<int, double>[] Parts)> Expand(List<(string Name, Func<int, double>[] Parts)> columns, FrameVariable variable, bool contrasts)
    {
        var own = new List<(string Name, Func<int, double> Part)>();
        if (variable.Values is double[] values)
        {
            own.Add((variable.Name, i => values[i]));
        }
        else
        {
            int[] codes = variable.Codes!;
            string[] levels = variable.Levels!;
            if (levels.Length < 2)
            {
                throw new ArgumentException($"Factor '{variable.Name}' has {levels.Length} level(s); a factor in a model needs at least 2.");
            }

            // Treatment contrasts drop the first (reference) level.
            for (int level = contrasts ? 1 : 0; level < levels.Length; level++)
            {
                int captured = level;
                own.Add((variable.Name + levels[level], i => codes[i] == captured ? 1 : 0));
            }
        }

        var expanded = new List<(string Name, Func<int, double>[] Parts)>(columns.Count * own.Count);
        foreach ((string name, Func<int, double> part) in own)
        {
            foreach ((string prefix, Func<int, double>[] parts) in columns)
            {
                expanded.Add((prefix.Length == 0 ? name : prefix + ":" + name, [.. parts, part]));
            }
        }

        return expanded;
    }
}
