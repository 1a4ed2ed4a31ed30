using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Gamma(shape, rate)</c>.</summary>
internal sealed class GammaFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Gamma;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("shape", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
        new("rate", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>α log β − log Γ(α) + (α − 1) log y − β y.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        var shape = args.Scalars[0];
        var rate = args.Scalars[1];
        return b.Sum(
            b.Multiply(shape, b.Log(rate)),
            b.Negate(b.Unary(UnaryOp.LogGamma, shape)),
            b.Multiply(b.Subtract(shape, b.Constant(1)), b.Log(yd)),
            b.Negate(b.Multiply(rate, yd)));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>(shape α, rate β): [[ψ′(α), −1/β], [−1/β, α/β²]].</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
        [new(0, 0, Trigamma(b, phi[0])), new(0, 1, b.Negate(Reciprocal(b, phi[1]))), new(1, 1, b.Divide(phi[0], b.Square(phi[1])))];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>(0, ∞): a lower bound at or below 0 (delayed entry at time 0) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(0, double.PositiveInfinity, 1, 2);

    /// <summary>
    /// log P(α, β·y) or log Q(α, β·y), the log regularized incomplete gammas, with their own derivative chain. A lower
    /// truncation bound of 0 (delayed entry at time 0) is the support's edge: no truncation, generated as 0 by
    /// <see cref="FamilyTable.LogTruncationMass"/> (the chain rule at x = 0 would multiply ∂x/∂θ = 0 by an infinite density ratio).
    /// </summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var x = b.Multiply(args.Scalars[1], b.ToDouble(y));
        return b.Binary(upper ? BinaryOp.GammaLogCcdf : BinaryOp.GammaLogCdf, args.Scalars[0], x);
    }
}
