using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>ZeroInflatedNegativeBinomial(zeroProbability, mean, dispersion)</c>: pscl::zeroinfl(dist = "negbin").</summary>
internal sealed class ZeroInflatedNegativeBinomialFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.ZeroInflatedNegativeBinomial;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("zeroProbability", ArgumentKind.Scalar, ArgumentDomains.Probability, ArgumentRole.None),
        new("mean", ArgumentKind.Scalar, ArgumentDomains.NonNegative, ArgumentRole.Positive),
        new("dispersion", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args) =>
        OrdinalAndZeroInflated.ZeroInflatedLogDensity(b, y, args.Scalars[0], FamilyRegistry.Get(FamilyKind.NegativeBinomial).LogDensity(b, y, new FamilyArguments([args.Scalars[1], args.Scalars[2]])));

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>
    /// Over (π, μ, φ), from the negative binomial's own F (μ: φ/(μ(μ+φ)), φ: the runtime's series, μφ: 0): with
    /// q = (φ/(φ+μ))^φ = NB(0), P₀ = π + (1 − π)q, s = ∇_{μ,φ} log q = (−φ/(φ+μ), log(φ/(φ+μ)) + μ/(φ+μ)),
    /// F_ππ = (1 − q)/((1 − π)P₀), F_πa = q·s_a/P₀, F_ab = (1 − π)F_NB,ab − π(1 − π)q·s_a s_b/P₀ — the zero class's
    /// score replaces the NB's at y = 0 (Σ_{y≥1} NB(y) s(y) = −q·s, Σ_{y≥1} NB(y) s sᵀ = F_NB − q·s sᵀ); π = 0 is the NB's F.
    /// </summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi)
    {
        var one = b.Constant(1);
        var pi = phi[0];
        var mu = phi[1];
        var dispersion = phi[2];
        var total = b.Add(dispersion, mu);
        var logRatio = b.Negate(b.Unary(UnaryOp.Log1p, b.Divide(mu, dispersion)));  // log(φ/(φ+μ))
        var logQ = b.Multiply(dispersion, logRatio);
        var q = b.Exp(logQ);
        var notZero = b.Subtract(one, pi);
        var p0 = b.Add(pi, b.Multiply(notZero, q));
        var sMean = b.Negate(b.Divide(dispersion, total));
        var sDispersion = b.Add(logRatio, b.Divide(mu, total));
        var zeroShare = b.Divide(b.Multiply(pi, b.Multiply(notZero, q)), p0);          // π(1 − π)q/P₀
        var qOverP0 = b.Divide(q, p0);
        return
        [
            new(0, 0, b.Divide(b.Negate(b.Unary(UnaryOp.Expm1, logQ)), b.Multiply(notZero, p0))),
            new(0, 1, b.Multiply(qOverP0, sMean)),
            new(0, 2, b.Multiply(qOverP0, sDispersion)),
            new(1, 1, b.Subtract(b.Multiply(notZero, b.Divide(dispersion, b.Multiply(mu, total))), b.Multiply(zeroShare, b.Square(sMean)))),
            new(1, 2, b.Negate(b.Multiply(zeroShare, b.Multiply(sMean, sDispersion)))),
            new(2, 2, b.Subtract(b.Multiply(notZero, b.Binary(BinaryOp.NegativeBinomialDispersionInformation, mu, dispersion)), b.Multiply(zeroShare, b.Square(sDispersion)))),
        ];
    }

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => false;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
