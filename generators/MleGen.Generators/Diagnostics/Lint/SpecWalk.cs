using System;
using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint;

/// <summary>Walks the expression trees of a model spec: sub-expressions, and which members they read.</summary>
internal static class SpecWalk
{
    /// <summary>The direct sub-expressions of <paramref name="spec"/>, in order.</summary>
    public static IEnumerable<ExprSpec> Children(ExprSpec spec)
    {
        switch (spec)
        {
            case ConstantSpec or ObservationIndexSpec or VariableSpec or LengthSpec or MemberVectorSpec:
                return Array.Empty<ExprSpec>();
            case DataReadSpec d:
                return d.Indices;
            case ParamReadSpec p:
                return p.Indices;
            case ConvertSpec c:
                return new[] { c.Operand };
            case UnarySpec u:
                return new[] { u.Operand };
            case BinarySpec b:
                return new[] { b.Left, b.Right };
            case ConditionalSpec c:
                return new[] { c.Condition, c.WhenTrue, c.WhenFalse };
            case ReductionSpec r:
                return new[] { r.Count, r.Body };
            case LambdaSpec l:
                return new[] { l.Body };
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "an expression spec the lint does not know");
        }
    }

    /// <summary><paramref name="spec"/> and every expression below it, depth first.</summary>
    public static IEnumerable<ExprSpec> DescendantsAndSelf(ExprSpec spec)
    {
        var stack = new Stack<ExprSpec>();
        stack.Push(spec);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current))
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Every expression of every likelihood argument of <paramref name="model"/>.</summary>
    public static IEnumerable<ExprSpec> AllExpressions(ModelSpec model)
    {
        foreach (var likelihood in model.Likelihoods)
        {
            foreach (var argument in likelihood.Arguments)
            {
                foreach (var spec in DescendantsAndSelf(argument))
                {
                    yield return spec;
                }
            }
        }
    }

    /// <summary>The parameter members whose values some likelihood reads (a length alone is not a read of the values).</summary>
    public static HashSet<string> ParametersRead(ModelSpec model)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in AllExpressions(model))
        {
            switch (spec)
            {
                case ParamReadSpec p:
                    read.Add(p.Member);
                    break;
                case MemberVectorSpec { IsParameter: true } m:
                    read.Add(m.Member);
                    break;
            }
        }

        return read;
    }

    /// <summary>The data members some likelihood reads: observed, weights, values, lengths, whole vectors.</summary>
    public static HashSet<string> DataRead(ModelSpec model)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var likelihood in model.Likelihoods)
        {
            read.Add(likelihood.Observed);
            if (likelihood.Weights is { } weights)
            {
                read.Add(weights);
            }

            if (likelihood.RightCensored is { } right)
            {
                read.Add(right);
            }

            if (likelihood.LeftCensored is { } left)
            {
                read.Add(left);
            }

            if (likelihood.TruncatedBelow is { } below)
            {
                read.Add(below);
            }

            if (likelihood.TruncatedAbove is { } above)
            {
                read.Add(above);
            }
        }

        // A datum read by a [Derived] quantity (the covariates it is reported at) is used too.
        foreach (var derived in model.Derived)
        {
            foreach (var spec in DescendantsAndSelf(derived.Expression))
            {
                if (spec is DataReadSpec d)
                {
                    read.Add(d.Member);
                }
            }
        }

        foreach (var spec in AllExpressions(model))
        {
            switch (spec)
            {
                case DataReadSpec d:
                    read.Add(d.Member);
                    break;
                case LengthSpec l:
                    // A data member read only for its length still shapes the model (a count of columns).
                    read.Add(l.Member);
                    break;
                case MemberVectorSpec { IsParameter: false } m:
                    read.Add(m.Member);
                    break;
            }
        }

        return read;
    }

    /// <summary>True when <paramref name="spec"/> reads the lambda or reduction variable <paramref name="variable"/>.</summary>
    public static bool ReadsVariable(ExprSpec spec, string variable)
    {
        foreach (var node in DescendantsAndSelf(spec))
        {
            if (node is VariableSpec v && v.Name == variable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="spec"/> reads the parameter <paramref name="member"/>.</summary>
    public static bool ReadsParameter(ExprSpec spec, string member)
    {
        foreach (var node in DescendantsAndSelf(spec))
        {
            if (node is ParamReadSpec p && p.Member == member || node is MemberVectorSpec { IsParameter: true } m && m.Member == member)
            {
                return true;
            }
        }

        return false;
    }
}
