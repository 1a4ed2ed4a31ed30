using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Laplace(location, scale)</c>: its |y − m| is the kink the runtime smooths by continuation.</summary>
internal sealed class LaplaceFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Laplace;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("location", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("scale", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>−log 2 − log b − |z|, z = (y − m)/b; |z| smoothed by the model's kink smoothing ε (0 except while the runtime solves the non-smooth problem by continuation).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var a = args.Scalars;
        var z = b.Divide(b.Subtract(b.ToDouble(y), a[0]), a[1]);
        var smoothing = b.Data(FamilyTable.KinkSmoothingField, ScalarType.Double, System.Collections.Immutable.ImmutableArray<Node>.Empty);
        return b.Sum(b.Constant(-LogTwo), b.Negate(b.Log(a[1])), b.Negate(b.Binary(BinaryOp.SmoothAbs, z, smoothing)));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, InverseSquare(b, phi[1])), new(1, 1, InverseSquare(b, phi[1]))];

    public override bool HasKink => true;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>The real line: only ±∞ bounds cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(double.NegativeInfinity, double.PositiveInfinity, 0, 1);

    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.ToDouble(y), args.Scalars[0], args.Scalars[1]);
        return b.Unary(UnaryOp.LaplaceLogCdf, upper ? b.Negate(z) : z);
    }
}
