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

    /// <summary>True when <paramref name="spec"/> reads a <c>[Param]</c> member anywhere.</summary>
    public static bool ReadsParameter(ExprSpec? spec) => spec switch
    {
        ParamReadSpec => true,
        MemberVectorSpec m => m.IsParameter,
        DataReadSpec d => AnyReadsParameter(d.Indices),
        ConvertSpec c => ReadsParameter(c.Operand),
        UnarySpec u => ReadsParameter(u.Operand),
        BinarySpec b => ReadsParameter(b.Left) || ReadsParameter(b.Right),
        ConditionalSpec c => ReadsParameter(c.Condition) || ReadsParameter(c.WhenTrue) || ReadsParameter(c.WhenFalse),
        ReductionSpec r => ReadsParameter(r.Count) || ReadsParameter(r.Body),
        LambdaSpec l => ReadsParameter(l.Body),
        _ => false,
    };

    private static bool AnyReadsParameter(Common.EquatableArray<ExprSpec> specs)
    {
        foreach (var spec in specs)
        {
            if (ReadsParameter(spec))
            {
                return true;
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

        foreach (var expression in Diagnostics.Lint.SpecWalk.AllExpressions(model))
        {
            if (expression is ReductionSpec or LambdaSpec)
            {
                return true;
            }
        }

        return false;
    }
}
