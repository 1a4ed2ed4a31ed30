using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>LogNormal(mu, sigma)</c>: a Normal of log y, with the Jacobian −log y.</summary>
internal sealed class LogNormalFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.LogNormal;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("mu", ArgumentKind.Scalar, ArgumentDomains.Finite, ArgumentRole.Location),
        new("sigma", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var logY = b.Log(b.ToDouble(y));
        return b.Subtract(NormalLogDensity(b, logY, args.Scalars[0], args.Scalars[1]), logY);
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, InverseSquare(b, phi[1])), new(1, 1, b.Multiply(b.Constant(2), InverseSquare(b, phi[1])))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>(0, ∞): a lower bound at or below 0 (delayed entry at time 0) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(0, double.PositiveInfinity, 1, 2);

    /// <summary>log Φ(±z) with z = (log y − μ)/σ.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var z = Standardize(b, b.Log(b.ToDouble(y)), args.Scalars[0], args.Scalars[1]);
        return b.Unary(UnaryOp.LogPhi, upper ? b.Negate(z) : z);
    }
}
