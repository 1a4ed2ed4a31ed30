using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>Weibull(shape, scale)</c>.</summary>
internal sealed class WeibullFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.Weibull;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("shape", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
        new("scale", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Continuous;

    /// <summary>log k − log λ + (k − 1) log(y/λ) − (y/λ)^k.</summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var k = args.Scalars[0];
        var logZ = b.Subtract(b.Log(b.ToDouble(y)), b.Log(args.Scalars[1]));
        return b.Sum(
            b.Log(k),
            b.Negate(b.Log(args.Scalars[1])),
            b.Multiply(b.Subtract(k, b.Constant(1)), logZ),
            b.Negate(b.Exp(b.Multiply(k, logZ))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>(shape k, scale λ): [[((1−γ)² + π²/6)/k², −(1−γ)/λ], [−(1−γ)/λ, k²/λ²]].</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        double oneMinusGamma = 1 - EulerGamma;
        return
        [
            new(0, 0, b.Divide(b.Constant((oneMinusGamma * oneMinusGamma) + PiSquaredOverSix), b.Square(phi[0]))),
            new(0, 1, b.Divide(b.Constant(-oneMinusGamma), phi[1])),
            new(1, 1, b.Square(b.Divide(phi[0], phi[1]))),
        ];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => true;

    public override TruncationForm Truncation => TruncationForm.ByCdf;

    /// <summary>(0, ∞): a lower bound at or below 0 (delayed entry at time 0) cuts nothing off.</summary>
    public override SupportEdges TruncationEdges => new(0, double.PositiveInfinity, 1, 2);

    /// <summary>S = exp(−(y/λ)^k); F = 1 − S. (y/λ)^k as exp(k·log(y/λ)), the density's own node.</summary>
    public override Node LogCdf(IrBuilder b, Node y, FamilyArguments args, bool upper)
    {
        var logZ = b.Subtract(b.Log(b.ToDouble(y)), b.Log(args.Scalars[1]));
        var t = b.Exp(b.Multiply(args.Scalars[0], logZ));
        return upper ? b.Negate(t) : b.Unary(UnaryOp.Log1mExp, t);
    }
}
