using System;
using System.Collections.Immutable;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// The observation families: each one's full normalized log density log p(y | φ) as IR over its own
/// parameters φ, in numerically stable form (softplus for log(1+eᵡ), log1p, log Φ, log-sum-exp,
/// conditionals on the data instead of 0·log 0). Derivatives with respect to φ come from the
/// differentiator's rules for these stable intrinsics, so they are stable too.
/// </summary>
internal static class FamilyTable
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562; // ½·log(2π)
    private const double LogPi = 1.1447298858494001741434273513531;         // log π
    private const double LogTwo = 0.69314718055994530941723212145818;       // log 2

    /// <summary>The generated field holding the model's kink smoothing ε (see <c>IMleModel.KinkSmoothing</c>).</summary>
    public const string KinkSmoothingField = "__kinkSmoothing";

    /// <summary>True for families whose log density has a kink in its parameters (Laplace: |y − m|).</summary>
    public static bool HasKink(FamilyKind family) => family == FamilyKind.Laplace;

    /// <summary>log p(<paramref name="y"/> | family(<paramref name="args"/>)). <paramref name="y"/> is the observation as read (double, int or bool).</summary>
    public static Node LogDensity(IrBuilder b, FamilyKind family, Node y, FamilyArguments args)
    {
        var a = args.Scalars;
        var yd = b.ToDouble(y);
        switch (family)
        {
            case FamilyKind.Normal:
                return NormalLogDensity(b, yd, a[0], a[1]);
            case FamilyKind.Laplace:
            {
                // −log 2 − log b − |z|, z = (y − m)/b. |z| is smoothed by the model's kink smoothing ε
                // (0 except while the runtime solves the non-smooth problem by continuation).
                var z = b.Divide(b.Subtract(yd, a[0]), a[1]);
                var smoothing = b.Data(KinkSmoothingField, ScalarType.Double, ImmutableArray<Node>.Empty);
                return b.Sum(b.Constant(-LogTwo), b.Negate(b.Log(a[1])), b.Negate(b.Binary(BinaryOp.SmoothAbs, z, smoothing)));
            }
            case FamilyKind.StudentT:
            {
                // log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log s − (ν+1)/2 · log1p(z²/ν)
                var nu = a[0];
                var half = b.Constant(0.5);
                var z = b.Divide(b.Subtract(yd, a[1]), a[2]);
                var nuPlusOneHalf = b.Multiply(half, b.Add(nu, b.Constant(1)));
                return b.Sum(
                    b.Unary(UnaryOp.LogGamma, nuPlusOneHalf),
                    b.Negate(b.Unary(UnaryOp.LogGamma, b.Multiply(half, nu))),
                    b.Negate(b.Multiply(half, b.Add(b.Log(nu), b.Constant(LogPi)))),
                    b.Negate(b.Log(a[2])),
                    b.Negate(b.Multiply(nuPlusOneHalf, b.Unary(UnaryOp.Log1p, b.Divide(b.Square(z), nu)))));
            }
            case FamilyKind.Cauchy:
            {
                var z = b.Divide(b.Subtract(yd, a[0]), a[1]);
                return b.Sum(b.Constant(-LogPi), b.Negate(b.Log(a[1])), b.Negate(b.Unary(UnaryOp.Log1p, b.Square(z))));
            }
            case FamilyKind.LogNormal:
            {
                var logY = b.Log(yd);
                return b.Subtract(NormalLogDensity(b, logY, a[0], a[1]), logY);
            }
            case FamilyKind.Exponential:
                return b.Subtract(b.Log(a[0]), b.Multiply(a[0], yd));
            case FamilyKind.Gamma:
            {
                // α log β − log Γ(α) + (α − 1) log y − β y
                var shape = a[0];
                var rate = a[1];
                return b.Sum(
                    b.Multiply(shape, b.Log(rate)),
                    b.Negate(b.Unary(UnaryOp.LogGamma, shape)),
                    b.Multiply(b.Subtract(shape, b.Constant(1)), b.Log(yd)),
                    b.Negate(b.Multiply(rate, yd)));
            }
            case FamilyKind.Weibull:
            {
                // log k − log λ + (k − 1) log(y/λ) − (y/λ)^k
                var k = a[0];
                var logZ = b.Subtract(b.Log(yd), b.Log(a[1]));
                return b.Sum(
                    b.Log(k),
                    b.Negate(b.Log(a[1])),
                    b.Multiply(b.Subtract(k, b.Constant(1)), logZ),
                    b.Negate(b.Exp(b.Multiply(k, logZ))));
            }
            case FamilyKind.Beta:
            {
                var alpha = a[0];
                var beta = a[1];
                return b.Sum(
                    b.Unary(UnaryOp.LogGamma, b.Add(alpha, beta)),
                    b.Negate(b.Unary(UnaryOp.LogGamma, alpha)),
                    b.Negate(b.Unary(UnaryOp.LogGamma, beta)),
                    b.Multiply(b.Subtract(alpha, b.Constant(1)), b.Log(yd)),
                    b.Multiply(b.Subtract(beta, b.Constant(1)), b.Unary(UnaryOp.Log1p, b.Negate(yd))));
            }
            case FamilyKind.Bernoulli:
                return b.Conditional(IsOne(b, y), b.Log(a[0]), b.Unary(UnaryOp.Log1p, b.Negate(a[0])));
            case FamilyKind.BernoulliLogit:
                // y·η − log(1 + e^η)
                return b.Subtract(b.Conditional(IsOne(b, y), a[0], b.Constant(0)), b.Unary(UnaryOp.Softplus, a[0]));
            case FamilyKind.BernoulliProbit:
                return b.Unary(UnaryOp.LogPhi, b.Conditional(IsOne(b, y), a[0], b.Negate(a[0])));
            case FamilyKind.Binomial:
            {
                var trials = b.ToDouble(a[0]);
                var failures = b.Subtract(trials, yd);
                return b.Sum(
                    LogChoose(b, trials, yd),
                    b.Conditional(b.Binary(BinaryOp.Equal, yd, b.Constant(0)), b.Constant(0), b.Multiply(yd, b.Log(a[1]))),
                    b.Conditional(b.Binary(BinaryOp.Equal, failures, b.Constant(0)), b.Constant(0), b.Multiply(failures, b.Unary(UnaryOp.Log1p, b.Negate(a[1])))));
            }
            case FamilyKind.BinomialLogit:
            {
                var trials = b.ToDouble(a[0]);
                return b.Sum(LogChoose(b, trials, yd), b.Multiply(yd, a[1]), b.Negate(b.Multiply(trials, b.Unary(UnaryOp.Softplus, a[1]))));
            }
            case FamilyKind.Poisson:
                return b.Sum(
                    b.Conditional(b.Binary(BinaryOp.Equal, yd, b.Constant(0)), b.Constant(0), b.Multiply(yd, b.Log(a[0]))),
                    b.Negate(a[0]),
                    b.Negate(LogFactorial(b, yd)));
            case FamilyKind.PoissonLog:
                return b.Sum(b.Multiply(yd, a[0]), b.Negate(b.Exp(a[0])), b.Negate(LogFactorial(b, yd)));
            case FamilyKind.NegativeBinomial:
            {
                // log Γ(y+φ) − log Γ(φ) − log y! + φ log(φ/(φ+μ)) + y log(μ/(φ+μ))
                var mu = a[0];
                var phi = a[1];
                var logTotal = b.Log(b.Add(phi, mu));
                return b.Sum(
                    b.Unary(UnaryOp.LogGamma, b.Add(yd, phi)),
                    b.Negate(b.Unary(UnaryOp.LogGamma, phi)),
                    b.Negate(LogFactorial(b, yd)),
                    b.Multiply(phi, b.Subtract(b.Log(phi), logTotal)),
                    b.Conditional(b.Binary(BinaryOp.Equal, yd, b.Constant(0)), b.Constant(0), b.Multiply(yd, b.Subtract(b.Log(mu), logTotal))));
            }
            case FamilyKind.CategoricalLogits:
            {
                // logit_y − log Σₖ exp(logit_k)
                var (variable, body) = args.Lambda!.Value;
                var observedLogit = Substitution.Substitute(b, body, variable, y);
                return b.Subtract(observedLogit, b.Reduce(ReductionKind.LogSumExp, a[0], variable, body));
            }
            case FamilyKind.NormalMixture:
            {
                // log Σₖ wₖ N(y; μₖ, σₖ), by log-sum-exp
                int variable = b.NewVariable("k", 0);
                var vectors = args.Vectors;
                var count = b.Length(vectors[0].Member, -1);
                b.SetCount(variable, count);
                var k = ImmutableArray.Create(b.Variable(variable));
                Node Read((string Member, bool IsParameter) v) => v.IsParameter ? b.Param(v.Member, k) : b.Data(v.Member, ScalarType.Double, k);
                var component = b.Add(b.Log(Read(vectors[0])), NormalLogDensity(b, yd, Read(vectors[1]), Read(vectors[2])));
                return b.Reduce(ReductionKind.LogSumExp, count, variable, component);
            }
            case FamilyKind.OrderedLogistic:
                return OrdinalAndZeroInflated.OrderedLogisticLogDensity(b, y, args);
            case FamilyKind.ZeroInflatedPoisson:
                return OrdinalAndZeroInflated.ZeroInflatedLogDensity(b, y, a[0], LogDensity(b, FamilyKind.Poisson, y, new FamilyArguments(new[] { a[1] })));
            case FamilyKind.ZeroInflatedNegativeBinomial:
                return OrdinalAndZeroInflated.ZeroInflatedLogDensity(b, y, a[0], LogDensity(b, FamilyKind.NegativeBinomial, y, new FamilyArguments(new[] { a[1], a[2] })));
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, null);
        }
    }

    /// <summary>The families a censored observation can be written for, as the diagnostic lists them.</summary>
    public const string CensorableFamilies = "Normal, LogNormal, Laplace, Cauchy, Exponential and Weibull";

    /// <summary>True for the families whose log CDF and log survival function (and their derivatives in every argument) the generator can emit.</summary>
    public static bool SupportsCensoring(FamilyKind family) => family is FamilyKind.Normal or FamilyKind.LogNormal or FamilyKind.Laplace
        or FamilyKind.Cauchy or FamilyKind.Exponential or FamilyKind.Weibull;

    /// <summary>log F(<paramref name="y"/>) (<paramref name="upper"/> false) or log S(y) = log(1 − F(y)) (true), stable in both tails.</summary>
    /// <remarks>Only for the families of <see cref="SupportsCensoring"/>.</remarks>
    public static Node LogCdf(IrBuilder b, FamilyKind family, Node y, FamilyArguments args, bool upper)
    {
        var a = args.Scalars;
        var yd = b.ToDouble(y);
        switch (family)
        {
            case FamilyKind.Normal:
            case FamilyKind.LogNormal:
            {
                // log Φ(±z): Φ's symmetry turns the upper tail into the lower one, where log Φ is exact.
                var x = family == FamilyKind.LogNormal ? b.Log(yd) : yd;
                var z = b.Divide(b.Subtract(x, a[0]), a[1]);
                return b.Unary(UnaryOp.LogPhi, upper ? b.Negate(z) : z);
            }
            case FamilyKind.Laplace:
            case FamilyKind.Cauchy:
            {
                var z = b.Divide(b.Subtract(yd, a[0]), a[1]);
                return b.Unary(family == FamilyKind.Laplace ? UnaryOp.LaplaceLogCdf : UnaryOp.CauchyLogCdf, upper ? b.Negate(z) : z);
            }
            case FamilyKind.Exponential:
            {
                // S = e^−λy; F = 1 − e^−λy
                var t = b.Multiply(a[0], yd);
                return upper ? b.Negate(t) : b.Unary(UnaryOp.Log1mExp, t);
            }
            case FamilyKind.Weibull:
            {
                // S = exp(−(y/λ)^k); F = 1 − S. (y/λ)^k as exp(k·log(y/λ)), the density's own node.
                var logZ = b.Subtract(b.Log(yd), b.Log(a[1]));
                var t = b.Exp(b.Multiply(a[0], logZ));
                return upper ? b.Negate(t) : b.Unary(UnaryOp.Log1mExp, t);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, "no CDF");
        }
    }

    /// <summary>The families a likelihood can truncate, as the diagnostic lists them.</summary>
    public const string TruncatableFamilies = "below and above: " + CensorableFamilies + "; below only (y > L): Poisson and PoissonLog";

    /// <summary>True when the family's allowed-region probability (and its derivatives) can be emitted.</summary>
    public static bool SupportsTruncation(FamilyKind family, bool below) =>
        SupportsCensoring(family) || (below && family is FamilyKind.Poisson or FamilyKind.PoissonLog);

    /// <summary>True for the truncatable discrete families (below means y &gt; L, and L must be a whole number).</summary>
    public static bool IsDiscreteTruncation(FamilyKind family) => family is FamilyKind.Poisson or FamilyKind.PoissonLog;

    /// <summary>log P(L &lt; Y ≤ U) (either bound may be null: no bound on that side).</summary>
    public static Node LogTruncationMass(IrBuilder b, FamilyKind family, FamilyArguments args, Node? lower, Node? upper)
    {
        if (IsDiscreteTruncation(family))
        {
            var rate = family == FamilyKind.PoissonLog ? b.Exp(args.Scalars[0]) : args.Scalars[0];
            return b.Binary(BinaryOp.PoissonLogSurvival, b.ToDouble(lower!), rate);
        }

        if (upper is null)
        {
            return LogCdf(b, family, lower!, args, upper: true);
        }

        var logFUpper = LogCdf(b, family, upper, args, upper: false);
        if (lower is null)
        {
            return logFUpper;
        }

        // log(F(U) − F(L)) = log F(U) + log(1 − F(L)/F(U))
        return b.Add(logFUpper, b.Unary(UnaryOp.Log1mExp, b.Subtract(logFUpper, LogCdf(b, family, lower, args, upper: false))));
    }

    private static Node NormalLogDensity(IrBuilder b, Node y, Node mean, Node sd)
    {
        // −½ log(2π) − log σ − ½ ((y − μ)/σ)²
        var z = b.Divide(b.Subtract(y, mean), sd);
        return b.Sum(b.Constant(-HalfLogTwoPi), b.Negate(b.Log(sd)), b.Negate(b.Multiply(b.Constant(0.5), b.Square(z))));
    }

    private static Node IsOne(IrBuilder b, Node y) => y.Type == ScalarType.Bool ? y : b.Binary(BinaryOp.NotEqual, b.ToDouble(y), b.Constant(0));

    private static Node LogFactorial(IrBuilder b, Node k) => b.Unary(UnaryOp.LogGamma, b.Add(k, b.Constant(1)));

    private static Node LogChoose(IrBuilder b, Node n, Node k) =>
        b.Sum(LogFactorial(b, n), b.Negate(LogFactorial(b, k)), b.Negate(LogFactorial(b, b.Subtract(n, k))));
}
