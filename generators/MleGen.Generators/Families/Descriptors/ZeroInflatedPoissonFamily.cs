using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>ZeroInflatedPoisson(zeroProbability, rate)</c>: pscl::zeroinfl(dist = "poisson").</summary>
internal sealed class ZeroInflatedPoissonFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.ZeroInflatedPoisson;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        // The zero probability is not linted as a probability (MLE0107): it has no fused logit family to suggest.
        new("zeroProbability", ArgumentKind.Scalar, ArgumentDomains.Probability, ArgumentRole.None),
        new("rate", ArgumentKind.Scalar, ArgumentDomains.NonNegative, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        OrdinalAndZeroInflated.ZeroInflatedLogDensity(b, y, args.Scalars[0], FamilyRegistry.Get(FamilyKind.Poisson).LogDensity(b, y, new FamilyArguments([args.Scalars[1]])));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>
    /// (π, λ), p₀ = π + (1 − π)e^−λ: I_ππ = (1 − e^−λ)/((1 − π)p₀), I_πλ = −e^−λ/p₀, I_λλ = (1 − π)²e^−2λ/p₀ + (1 − π)(1/λ − e^−λ).
    /// </summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var one = b.Constant(1);
        var pi = phi[0];
        var lambda = phi[1];
        var e = b.Exp(b.Negate(lambda));
        var notZero = b.Subtract(one, pi);
        var p0 = b.Add(pi, b.Multiply(notZero, e));
        return
        [
            new(0, 0, b.Divide(b.Negate(b.Unary(UnaryOp.Expm1, b.Negate(lambda))), b.Multiply(notZero, p0))),
            new(0, 1, b.Negate(b.Divide(e, p0))),
            new(1, 1, b.Add(b.Divide(b.Square(b.Multiply(notZero, e)), p0), b.Multiply(notZero, b.Subtract(b.Unary(UnaryOp.Reciprocal, lambda), e)))),
        ];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
