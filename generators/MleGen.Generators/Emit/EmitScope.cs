using MleGen.Generators.Ir;

namespace MleGen.Generators.Emit;

/// <summary>Where code is being emitted: which lambda variables are bound and whether the observation index is.</summary>
internal readonly struct EmitScope
{
    public EmitScope(VariableSet bound, bool observation)
    {
        Bound = bound;
        Observation = observation;
    }

    /// <summary>Method level: nothing bound (θ-only expressions are hoisted here).</summary>
    public static EmitScope Method => new(VariableSet.Empty, false);

    /// <summary>Inside the loop over observations.</summary>
    public static EmitScope ObservationLoop => new(VariableSet.Empty, true);

    public VariableSet Bound { get; }

    public bool Observation { get; }

    public EmitScope With(int variable) => new(Bound.Union(VariableSet.Of(variable)), Observation);

    /// <summary>True when every index <paramref name="node"/> reads is bound here.</summary>
    public bool Fits(Node node) => node.FreeVariables.IsSubsetOf(Bound) && (Observation || !node.DependsOnObservation);

    /// <summary>True when <paramref name="node"/>'s innermost scope is exactly this one.</summary>
    public static bool SameHome(Node a, Node b) => a.FreeVariables.Equals(b.FreeVariables) && a.DependsOnObservation == b.DependsOnObservation;
}
