using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>PoissonLog(eta)</c>: rate = e^η, fused.</summary>
internal sealed class PoissonLogFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.PoissonLog;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("eta", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.None),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    /// <summary>y·η − e^η − log y!.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        return b.Sum(b.Multiply(yd, args.Scalars[0]), b.Negate(b.Exp(args.Scalars[0])), b.Negate(LogFactorial(b, yd)));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) => [new(0, 0, b.Exp(phi[0]))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.DiscreteBelow;

    /// <summary>The counts: below means y &gt; L, so a lower bound of −1 (or below) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(-1, double.PositiveInfinity, 0, 1);

    public override Node LogSurvivalAbove(IrBuilder b, FamilyArguments args, Node lower)
    {
        var rate = b.Exp(args.Scalars[0]);
        return b.Binary(BinaryOp.PoissonLogSurvival, b.ToDouble(lower), rate);
    }
}
