using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Poisson(rate)</c>.</summary>
internal sealed class PoissonFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Poisson;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("rate", ArgumentKind.Scalar, ArgumentDomains.NonNegative, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    /// <summary>y log λ − λ − log y! (0 log 0 = 0).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        return b.Sum(
            b.Conditional(IsZero(b, yd), b.Constant(0), b.Multiply(yd, b.Log(args.Scalars[0]))),
            b.Negate(args.Scalars[0]),
            b.Negate(LogFactorial(b, yd)));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) => [new(0, 0, Reciprocal(b, phi[0]))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.DiscreteBelow;

    /// <summary>The counts: below means y &gt; L, so a lower bound of −1 (or below) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(-1, double.PositiveInfinity, 0, 1);

    public override Node LogSurvivalAbove(IrBuilder b, FamilyArguments args, Node lower) =>
        b.Binary(BinaryOp.PoissonLogSurvival, b.ToDouble(lower), args.Scalars[0]);

    public override IReadOnlyList<FusedForm> FusedForms { get; } =
    [
        new(0, UnaryOp.Exp, FusedForm.ExpMethod, FamilyKind.PoissonLog),
    ];
}
