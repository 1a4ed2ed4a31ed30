using System;
using System.Collections.Generic;

namespace MleGen;

/// <summary>
/// A parsed right-hand side of an R model formula: the variables in order of first appearance, the
/// terms (each a set of variables, as a bit mask over that order) sorted by degree as R's
/// <c>terms()</c> does, and whether the model has an intercept.
/// </summary>
internal sealed class ModelFormula
{
    /// <summary>A term is a bit mask over the variables: at most this many distinct variables.</summary>
    public const int MaxVariables = 64;

    public ModelFormula(string text, IReadOnlyList<string> variables, IReadOnlyList<ulong> terms, bool hasIntercept)
    {
        Text = text;
        Variables = variables;
        Terms = terms;
        HasIntercept = hasIntercept;
    }

    public string Text { get; }

    public IReadOnlyList<string> Variables { get; }

    /// <summary>The terms, lowest degree first (stable within a degree), without duplicates or the intercept.</summary>
    public IReadOnlyList<ulong> Terms { get; }

    public bool HasIntercept { get; }

    /// <summary>The variable indices of <paramref name="term"/> in formula order.</summary>
    public static IEnumerable<int> Members(ulong term)
    {
        for (int v = 0; v < MaxVariables; v++)
        {
            if ((term & (1UL << v)) != 0)
            {
                yield return v;
            }
        }
    }

    /// <summary>R's term label: the variables joined by ':' in formula order.</summary>
    public string Label(ulong term) => string.Join(':', Iterate(term));

    private IEnumerable<string> Iterate(ulong term)
    {
        foreach (int v in Members(term))
        {
            yield return Variables[v];
        }
    }

    /// <summary>Parses <paramref name="text"/>, e.g. <c>"wool * tension"</c>, <c>"~ 0 + x + g:x"</c>.</summary>
    /// <exception cref="FormatException">The formula is not in the supported subset; the message says where and why.</exception>
    public static ModelFormula Parse(string text) => new FormulaParser(text).Parse();
}
