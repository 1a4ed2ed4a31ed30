using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using static MleGen.Generators.Families.DensityTerms;

namespace MleGen.Generators.Families.Descriptors;

/// <summary><c>NegativeBinomial(mean, dispersion)</c>: var = μ + μ²/φ (R's glm.nb θ).</summary>
internal sealed class NegativeBinomialFamily : FamilyDescriptor
{
    public override FamilyKind Kind => FamilyKind.NegativeBinomial;

    public override IReadOnlyList<FamilyArgument> Arguments { get; } =
    [
        new("mean", ArgumentKind.Scalar, ArgumentDomains.NonNegative, ArgumentRole.Positive),
        new("dispersion", ArgumentKind.Scalar, ArgumentDomains.Positive, ArgumentRole.Positive),
    ];

    public override ObservationSupport Support => ObservationSupport.Count;

    /// <summary>
    /// LogGammaDifference(y, φ) − log y! − φ·log1p(μ/φ) − y·log1p(φ/μ): the φ-terms formed without the two
    /// cancellations of log Γ(y+φ) − log Γ(φ) + φ·(log φ − log(φ+μ)), which lose ε·φ·log φ each at a large φ, and
    /// y·log(μ/(φ + μ)) as one log1p of a quotient (one log fewer than log μ − log(φ + μ); −∞ at μ = 0 for y &gt; 0).
    /// </summary>
    public override Node LogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var yd = b.ToDouble(y);
        var mu = args.Scalars[0];
        var phi = args.Scalars[1];
        return b.Sum(
            b.Binary(BinaryOp.LogGammaDifference, yd, phi),
            b.Negate(LogFactorial(b, yd)),
            b.Negate(b.Multiply(phi, b.Unary(UnaryOp.Log1p, b.Divide(mu, phi)))),
            b.Conditional(IsZero(b, yd), b.Constant(0), b.Negate(b.Multiply(yd, b.Unary(UnaryOp.Log1p, b.Divide(phi, mu))))));
    }

    /// <summary>
    /// For a mean e^η (a log link), the vector kernels' form of the same density: with d = η − log φ = log(μ/φ),
    /// φ·log1p(μ/φ) = φ·softplus(d) and y·log1p(φ/μ) = y·softplus(−d). Both softplus values come from one exponential
    /// and one log1p, softplus(±d) = max(±d, 0) + log1p(e^−|d|), sums of non-negative terms (no cancellation at any φ, the
    /// Poisson limit included), and their derivatives σ(±d) from one division, 1/(1 + e^−|d|) and its product with
    /// e^−|d| (the vector block shares them, <c>VectorBlock</c>): ∂/∂η = φσ(d) − yσ(−d) = φ(μ − y)/(φ + μ), no μ formed.
    /// μ/φ = e^d is rounded once more than the scalar form's (d carries ε·max(|η|, |log φ|)), which moves the NLL by
    /// (μ − y)·that: the size of the rounding of η itself. Other means keep <see cref="LogDensity"/>.
    /// </summary>
    public override Node VectorLogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var mu = args.Scalars[0];
        if (mu.Kind != NodeKind.Unary || mu.UnaryOp != UnaryOp.Exp)
        {
            return LogDensity(b, y, args);
        }

        var yd = b.ToDouble(y);
        var phi = args.Scalars[1];
        var logPhi = phi.Kind == NodeKind.Unary && phi.UnaryOp == UnaryOp.Exp ? phi.Children[0] : b.Log(phi);
        var d = b.Subtract(mu.Children[0], logPhi);
        return b.Sum(
            b.Binary(BinaryOp.LogGammaDifference, yd, phi),
            b.Negate(LogFactorial(b, yd)),
            b.Negate(b.Multiply(phi, b.Unary(UnaryOp.Softplus, d))),
            b.Conditional(IsZero(b, yd), b.Constant(0), b.Negate(b.Multiply(yd, b.Unary(UnaryOp.Softplus, b.Negate(d))))));
    }

    public override FisherForm Fisher => FisherForm.Entries;

    /// <summary>(mean μ, dispersion φ): μ-entry φ/(μ(μ+φ)); the φ-entry needs E[ψ′(y+φ)], a series the runtime sums.</summary>
    public override IReadOnlyList<FisherEntry> FisherEntries(IrBuilder b, IReadOnlyList<Node> phi) =>
    [
        new(0, 0, b.Divide(phi[1], b.Multiply(phi[0], b.Add(phi[0], phi[1])))),
        new(1, 1, b.Binary(BinaryOp.NegativeBinomialDispersionInformation, phi[0], phi[1])),
    ];

    public override bool HasKink => false;

    public override bool HasMoments => true;

    public override bool HasDeviance => true;

    public override bool SupportsCensoring => false;

    public override TruncationForm Truncation => TruncationForm.None;
}
