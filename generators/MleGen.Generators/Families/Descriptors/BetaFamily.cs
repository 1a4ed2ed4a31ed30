using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Beta(alpha, beta)</c> on (0, 1).</summary>
internal sealed class BetaFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Beta;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("alpha", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
        new("beta", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>log Γ(α+β) − log Γ(α) − log Γ(β) + (α − 1) log y + (β − 1) log1p(−y).</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        var alpha = args.Scalars[0];
        var beta = args.Scalars[1];
        return b.Sum(
            b.Unary(UnaryOp.LogGamma, b.Add(alpha, beta)),
            b.Negate(b.Unary(UnaryOp.LogGamma, alpha)),
            b.Negate(b.Unary(UnaryOp.LogGamma, beta)),
            b.Multiply(b.Subtract(alpha, b.Constant(1)), b.Log(yd)),
            b.Multiply(b.Subtract(beta, b.Constant(1)), b.Unary(UnaryOp.Log1p, b.Negate(yd))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var both = Trigamma(b, b.Add(phi[0], phi[1]));
        return [new(0, 0, b.Subtract(Trigamma(b, phi[0]), both)), new(0, 1, b.Negate(both)), new(1, 1, b.Subtract(Trigamma(b, phi[1]), both))];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>(0, 1): a lower bound at or below 0 and an upper bound at or above 1 cut nothing off.</summary>
    public override SupportEdges TruncationEdges => new(0, 1, 0.25, 0.75);

    /// <summary>
    /// log I_y(α, β) or log(1 − I_y(α, β)), the log regularized incomplete beta and its complement, tail-stable (the runtime
    /// sums the tail below the switch point and forms the other as log(1 − e^ℓ)); y is data, so only the shape derivatives
    /// are needed, each its own intrinsic. The runtime gives −∞/0 at y = 0 and 0/−∞ at y = 1 with zero derivatives on the
    /// finite side; a truncation bound at or beyond an end of (0, 1) is generated as no truncation (<see cref="TruncationEdges"/>).
    /// </summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper) =>
        b.Ternary(upper ? TernaryOp.BetaLogCcdf : TernaryOp.BetaLogCdf, args.Scalars[0], args.Scalars[1], b.ToDouble(y));
}
