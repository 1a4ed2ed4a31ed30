using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families.Descriptors;

/// <summary>
/// Not a family: the entry of <see cref="FamilyKind.Custom"/>, a <c>[LogLikelihood]</c> term. IR lowering adds its
/// expression directly (never through <see cref="LogDensity"/>); it has no arguments, no support to check, no
/// expected information and no fitted values.
/// </summary>
internal sealed class CustomTermFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Custom;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } = [];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        throw new InternalErrorException("a [LogLikelihood] term is lowered from its expression, not as a family");

    public override FisherForm Fisher => FisherForm.None;

    public override bool HasKink => false;

    public override bool HasMoments => false;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
