using System.Collections.Generic;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// Each family's Fisher information F(φ) = E[−∂² log p(y | φ)/∂φ∂φᵀ] per observation, in closed form,
/// over its scalar arguments (data arguments such as Binomial's trials get zero rows). The
/// categorical's information over its logits (diag p − ppᵀ) is handled by the emitter;
/// <c>NormalMixture</c> has none in closed form (its emitter calls the runtime's quadrature instead).
/// </summary>
internal static class FisherTable
{
    private const double EulerGamma = 0.57721566490153286060651209008240;
    private const double PiSquaredOverSix = 1.6449340668482264364724151666460;

    public static bool HasClosedForm(FamilyKind family) =>
        family is not (FamilyKind.NormalMixture or FamilyKind.Custom or FamilyKind.OrderedLogistic or FamilyKind.ZeroInflatedNegativeBinomial);

    /// <summary>
    /// True when the term's expected information is the family's closed form: not for a NormalMixture, and not for a
    /// censored term, whose expectation would run over the censoring mechanism too (not derived: such terms contribute
    /// their observed information and the model reports <c>HasExpectedInformation</c> false).
    /// </summary>
    public static bool HasClosedForm(LikelihoodSpec term) => HasClosedForm(term.Family) && !term.IsCensored && !term.IsTruncated;

    /// <summary>The nonzero entries (a, b, F_ab) with a ≤ b of the family's information; symmetric.</summary>
    public static IReadOnlyList<(int A, int B, Node Value)> Entries(IrBuilder b, FamilyKind family, IReadOnlyList<Node> phi)
    {
        var one = b.Constant(1);
        var two = b.Constant(2);
        Node Inv(Node x) => b.Unary(UnaryOp.Reciprocal, x);
        Node InvSq(Node x) => Inv(b.Square(x));
        Node Trigamma(Node x) => b.Unary(UnaryOp.Trigamma, x);
        switch (family)
        {
            case FamilyKind.Normal:
            case FamilyKind.LogNormal:
                return [(0, 0, InvSq(phi[1])), (1, 1, b.Multiply(two, InvSq(phi[1])))];
            case FamilyKind.Laplace:
                return [(0, 0, InvSq(phi[1])), (1, 1, InvSq(phi[1]))];
            case FamilyKind.Cauchy:
                return [(0, 0, b.Divide(b.Constant(0.5), b.Square(phi[1]))), (1, 1, b.Divide(b.Constant(0.5), b.Square(phi[1])))];
            case FamilyKind.StudentT:
            {
                // Lange, Little & Taylor (1989), JASA 84, 881–896, for (ν, location, scale).
                var nu = phi[0];
                var s = phi[2];
                var nu1 = b.Add(nu, one);
                var nu3 = b.Add(nu, b.Constant(3));
                var nuNu = b.Subtract(
                    b.Multiply(b.Constant(0.25), b.Subtract(Trigamma(b.Multiply(b.Constant(0.5), nu)), Trigamma(b.Multiply(b.Constant(0.5), nu1)))),
                    b.Divide(b.Add(nu, b.Constant(5)), b.Multiply(two, b.Multiply(nu, b.Multiply(nu1, nu3)))));
                var nuScale = b.Negate(b.Divide(two, b.Multiply(nu1, b.Multiply(nu3, s))));
                var location = b.Divide(nu1, b.Multiply(nu3, b.Square(s)));
                var scale = b.Divide(b.Multiply(two, nu), b.Multiply(nu3, b.Square(s)));
                return [(0, 0, nuNu), (0, 2, nuScale), (1, 1, location), (2, 2, scale)];
            }
            case FamilyKind.Exponential:
                return [(0, 0, InvSq(phi[0]))];
            case FamilyKind.Gamma:
                // (shape α, rate β): [[ψ′(α), −1/β], [−1/β, α/β²]]
                return [(0, 0, Trigamma(phi[0])), (0, 1, b.Negate(Inv(phi[1]))), (1, 1, b.Divide(phi[0], b.Square(phi[1])))];
            case FamilyKind.Weibull:
            {
                // (shape k, scale λ): [[((1−γ)² + π²/6)/k², −(1−γ)/λ], [−(1−γ)/λ, k²/λ²]]
                double oneMinusGamma = 1 - EulerGamma;
                return [
                    (0, 0, b.Divide(b.Constant(oneMinusGamma * oneMinusGamma + PiSquaredOverSix), b.Square(phi[0]))),
                    (0, 1, b.Divide(b.Constant(-oneMinusGamma), phi[1])),
                    (1, 1, b.Square(b.Divide(phi[0], phi[1]))),
                ];
            }
            case FamilyKind.Beta:
            {
                var both = Trigamma(b.Add(phi[0], phi[1]));
                return [(0, 0, b.Subtract(Trigamma(phi[0]), both)), (0, 1, b.Negate(both)), (1, 1, b.Subtract(Trigamma(phi[1]), both))];
            }
            case FamilyKind.Bernoulli:
                return [(0, 0, Inv(b.Multiply(phi[0], b.Subtract(one, phi[0]))))];
            case FamilyKind.BernoulliLogit:
            {
                var p = b.Unary(UnaryOp.Logistic, phi[0]);
                return [(0, 0, b.Multiply(p, b.Subtract(one, p)))];
            }
            case FamilyKind.BernoulliProbit:
            {
                // φ(η)² / (Φ(η)·Φ(−η))
                var pdf = b.Unary(UnaryOp.NormalPdf, phi[0]);
                return [(0, 0, b.Divide(b.Square(pdf), b.Multiply(b.Unary(UnaryOp.Phi, phi[0]), b.Unary(UnaryOp.Phi, b.Negate(phi[0])))))];
            }
            case FamilyKind.Binomial:
                return [(1, 1, b.Divide(b.ToDouble(phi[0]), b.Multiply(phi[1], b.Subtract(one, phi[1]))))];
            case FamilyKind.BinomialLogit:
            {
                var p = b.Unary(UnaryOp.Logistic, phi[1]);
                return [(1, 1, b.Multiply(b.ToDouble(phi[0]), b.Multiply(p, b.Subtract(one, p))))];
            }
            case FamilyKind.Poisson:
                return [(0, 0, Inv(phi[0]))];
            case FamilyKind.PoissonLog:
                return [(0, 0, b.Exp(phi[0]))];
            case FamilyKind.NegativeBinomial:
                // (mean μ, dispersion φ): μ-entry φ/(μ(μ+φ)); the φ-entry needs E[ψ′(y+φ)], a series the runtime sums.
                return [
                    (0, 0, b.Divide(phi[1], b.Multiply(phi[0], b.Add(phi[0], phi[1])))),
                    (1, 1, b.Binary(BinaryOp.NegativeBinomialDispersionInformation, phi[0], phi[1])),
                ];
            case FamilyKind.ZeroInflatedPoisson:
            {
                // (π, λ), p₀ = π + (1 − π)e^−λ: I_ππ = (1 − e^−λ)/((1 − π)p₀), I_πλ = −e^−λ/p₀,
                // I_λλ = (1 − π)²e^−2λ/p₀ + (1 − π)(1/λ − e^−λ).
                var pi = phi[0];
                var lambda = phi[1];
                var e = b.Exp(b.Negate(lambda));
                var notZero = b.Subtract(one, pi);
                var p0 = b.Add(pi, b.Multiply(notZero, e));
                return [
                    (0, 0, b.Divide(b.Negate(b.Unary(UnaryOp.Expm1, b.Negate(lambda))), b.Multiply(notZero, p0))),
                    (0, 1, b.Negate(b.Divide(e, p0))),
                    (1, 1, b.Add(b.Divide(b.Square(b.Multiply(notZero, e)), p0), b.Multiply(notZero, b.Subtract(Inv(lambda), e)))),
                ];
            }
            default:
                return [];
        }
    }
}
