namespace MleGen.Generators.Emit;

/// <summary>
/// What of the generated code the user's class shows (docs/internals/generator.md, "Model surface"). Public: the
/// user's verbs and settings — <c>Fit</c>, <c>Describe</c>, <c>ValidateData</c> (the documented call after data are
/// changed in place) and <c>EvaluationThreads</c>. Every other member of <c>IMleModel</c> (the θ-vector plumbing an
/// optimizer calls), <c>IChunkKernel</c> and <c>IDerivedQuantities</c> is an explicit interface implementation: reachable
/// through the interface, absent from the class's IntelliSense, and unable to collide with the user's own members.
/// </summary>
internal static class ModelSurface
{
    /// <summary>The qualifier of an explicit <c>IMleModel</c> member: <c>int global::MleGen.IMleModel.ParameterCount</c>.</summary>
    public const string Model = "global::MleGen.IMleModel.";

    /// <summary>The instance as its <c>IMleModel</c>, for generated code that calls an explicit member.</summary>
    public const string This = "((global::MleGen.IMleModel)this)";
}
