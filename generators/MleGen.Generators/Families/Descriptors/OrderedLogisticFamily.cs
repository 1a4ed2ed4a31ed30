using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>OrderedLogistic(eta, cuts)</c>: MASS::polr's proportional odds, classes 0…K−1, cuts a whole (ordered) vector.</summary>
internal sealed class OrderedLogisticFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.OrderedLogistic;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("eta", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.None),
        new("cuts", ArgumentKind.Vector, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.Categorical;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) => OrdinalAndZeroInflated.OrderedLogisticLogDensity(b, y, args);

    /// <summary>Σₖ ∂pₖ ∂pₖᵀ/pₖ over the classes, tridiagonal in the cuts (<see cref="Plan.ExpectedInformation.OrderedLogistic"/>).</summary>
    public override FisherForm Fisher => FisherForm.Cumulative;

    public override bool HasKink => false;

    /// <summary>The expected class Σₖ k·pₖ and its variance (the fitted-value code hands the struct a copy of the cuts).</summary>
    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
