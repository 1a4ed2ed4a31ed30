using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Parsing;

/// <summary>Small questions about an <see cref="ExprSpec"/>: its C# type, whether it reads a parameter, conversions.</summary>
internal static class SpecFacts
{
    /// <summary>The C# type of <paramref name="spec"/>; null for the non-scalar specs (whole vectors, lambdas).</summary>
    public static ScalarType? TypeOf(ExprSpec spec) => spec switch
    {
        ConstantSpec c => c.Type,
        ObservationIndexSpec => ScalarType.Int,
        VariableSpec => ScalarType.Int,
        DataReadSpec d => d.Type,
        ParamReadSpec => ScalarType.Double,
        LengthSpec => ScalarType.Int,
        ConvertSpec => ScalarType.Double,
        UnarySpec u => u.Type,
        BinarySpec b => b.Type,
        ConditionalSpec c => c.Type,
        ReductionSpec => ScalarType.Double,
        _ => null,
    };

    /// <summary>Makes an int → double conversion explicit; folds it into a constant. Idempotent.</summary>
    public static ExprSpec ToDouble(ExprSpec spec) => spec switch
    {
        ConstantSpec { Type: ScalarType.Int } c => c with { Type = ScalarType.Double },
        _ when TypeOf(spec) == ScalarType.Int => new ConvertSpec(spec),
        _ => spec,
    };

    /// <summary>True when <paramref name="spec"/> reads a <c>[Param]</c> member anywhere (each shared sub-expression visited once).</summary>
    public static bool ReadsParameter(ExprSpec? spec) => spec is not null && Any(spec, static s => s is ParamReadSpec or MemberVectorSpec { IsParameter: true });

    /// <summary>True when some node of the DAG <paramref name="root"/> satisfies <paramref name="predicate"/>; each distinct node is visited once.</summary>
    public static bool Any(ExprSpec root, System.Func<ExprSpec, bool> predicate)
    {
        var seen = new HashSet<ExprSpec>(ReferenceComparer.Instance);
        var stack = new Stack<ExprSpec>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var spec = stack.Pop();
            if (!seen.Add(spec))
            {
                continue;
            }

            if (predicate(spec))
            {
                return true;
            }

            foreach (var child in Diagnostics.Lint.SpecWalk.Children(spec))
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>True when the model has loops (Sum, Dot, CategoricalLogits, NormalMixture): only those create loop variables.</summary>
    public static bool HasLoops(ModelSpec model)
    {
        foreach (var term in model.Likelihoods)
        {
            if (term.Family is FamilyKind.CategoricalLogits or FamilyKind.NormalMixture)
            {
                return true;
            }
        }

        foreach (var term in model.Likelihoods)
        {
            foreach (var argument in term.Arguments)
            {
                if (Any(argument, static s => s is ReductionSpec or LambdaSpec))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Compares specs by reference: a DAG walk visits each shared object once.</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<ExprSpec>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(ExprSpec? x, ExprSpec? y) => ReferenceEquals(x, y);

        public int GetHashCode(ExprSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
