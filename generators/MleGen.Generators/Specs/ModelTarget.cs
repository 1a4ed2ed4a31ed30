using MleGen.Generators.Common;

namespace MleGen.Generators.Specs;

/// <summary>
/// What the generator emits for one <c>[Model]</c> type: its full code when <see cref="Spec"/> is set, otherwise (an
/// invalid model whose type can take a partial) a minimal partial with a <c>Fit</c> that throws, so the user sees the
/// MLE00xx errors and not a CS1061 at every call site. Nothing at all when <see cref="Stub"/> is false as well.
/// </summary>
/// <param name="Namespace">The containing namespace (keywords escaped with <c>@</c>), or empty.</param>
/// <param name="TypeName">The model type's name.</param>
/// <param name="TypeKeyword"><c>class</c> or <c>record</c>.</param>
/// <param name="ContainingTypes">Outer types, outermost first.</param>
/// <param name="Spec">The valid model, or null.</param>
/// <param name="Stub">True when an invalid model gets the minimal partial.</param>
internal sealed record ModelTarget(
    string Namespace,
    string TypeName,
    string TypeKeyword,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    ModelSpec? Spec,
    bool Stub);
