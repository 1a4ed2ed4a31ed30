using System;
using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Intrinsics;

/// <summary>
/// Every IR operation in one table: each <see cref="UnaryOp"/> and <see cref="BinaryOp"/> has one descriptor with its
/// parse name, printed form and derivative rule (<c>IntrinsicRegistryTests</c> walks them). The rules reuse the node's
/// own value where they can (d eˣ = eˣ, d logistic = σ(1 − σ)) and use stable forms (d softplus = logistic,
/// d log Φ = φ/Φ computed as one intrinsic).
/// </summary>
internal static class IntrinsicRegistry
{
    public const string MathType = "global::System.Math";
    public const string FunctionsType = "global::MleGen.Functions";

    private const string Bool = "a bool operator: conditions never depend on θ";
    private const string Int = "an int operator: indices never depend on θ";

    private const string StudentTSecond = "a second derivative of the t log CDF (the Hessian's): derivatives stop at the second";

    private static readonly UnaryIntrinsic[] UnaryByOp = BuildUnary(
        new UnaryIntrinsic(UnaryOp.Negate, IntrinsicSource.Operator, "-", x => "(-" + x + ")", (b, n, x) => b.Constant(-1), null).Named("neg").Folding(x => -x),
        new(UnaryOp.Not, IntrinsicSource.Operator, "!", x => "(!" + x + ")", null, Bool),

        // System.Math, in the order MLE0008 lists them (Pow, binary, sits after Sqrt).
        MathCall(UnaryOp.Exp, "Exp", (b, n, x) => n).Folding(Math.Exp),
        MathCall(UnaryOp.Log, "Log", (b, n, x) => b.Unary(UnaryOp.Reciprocal, x)).Folding(Math.Log),
        MathCall(UnaryOp.Sqrt, "Sqrt", (b, n, x) => b.Divide(b.Constant(0.5), n)).Folding(Math.Sqrt),
        MathCall(UnaryOp.Tanh, "Tanh", (b, n, x) => b.Subtract(b.Constant(1), b.Square(n))),
        MathCall(UnaryOp.Sin, "Sin", (b, n, x) => b.Unary(UnaryOp.Cos, x)),
        MathCall(UnaryOp.Cos, "Cos", (b, n, x) => b.Negate(b.Unary(UnaryOp.Sin, x))),
        MathCall(UnaryOp.Abs, "Abs", (b, n, x) => b.Unary(UnaryOp.Sign, x)).Folding(Math.Abs),

        // MleGen.Functions helpers the user calls.
        FunctionsCall(UnaryOp.Logistic, IntrinsicSource.Functions, (b, n, x) => b.Multiply(n, b.Subtract(b.Constant(1), n))),
        FunctionsCall(UnaryOp.Softplus, IntrinsicSource.Functions, (b, n, x) => b.Unary(UnaryOp.Logistic, x)),
        FunctionsCall(UnaryOp.Log1p, IntrinsicSource.Functions, (b, n, x) => b.Unary(UnaryOp.Reciprocal, b.Add(b.Constant(1), x))),
        FunctionsCall(UnaryOp.Expm1, IntrinsicSource.Functions, (b, n, x) => b.Add(n, b.Constant(1))),
        FunctionsCall(UnaryOp.Square, IntrinsicSource.Functions, (b, n, x) => b.Multiply(b.Constant(2), x)).Named("sq").Folding(x => x * x),
        FunctionsCall(UnaryOp.Phi, IntrinsicSource.Functions, (b, n, x) => b.Unary(UnaryOp.NormalPdf, x)),
        FunctionsCall(UnaryOp.LogPhi, IntrinsicSource.Functions, (b, n, x) => b.Unary(UnaryOp.NormalPdfRatio, x)),
        FunctionsCall(UnaryOp.LogGamma, IntrinsicSource.Functions, (b, n, x) => b.Unary(UnaryOp.Digamma, x)),

        // Internal: produced by the family descriptors and by differentiation.
        new UnaryIntrinsic(UnaryOp.Sign, IntrinsicSource.Internal, "Sign", x => "(double)" + MathType + ".Sign(" + x + ")", (b, n, x) => b.Constant(0), null).Folding(x => Math.Sign(x)),
        FunctionsCall(UnaryOp.Digamma, IntrinsicSource.Internal, (b, n, x) => b.Unary(UnaryOp.Trigamma, x)),
        new(UnaryOp.Trigamma, IntrinsicSource.Internal, "Trigamma", x => FunctionsType + ".Trigamma(" + x + ")", null,
            "ψ′ is a second derivative of log Γ (or a Fisher entry, never differentiated): derivatives stop at the second"),

        // r = φ/Φ: r′ = −r (x + r)
        FunctionsCall(UnaryOp.NormalPdfRatio, IntrinsicSource.Internal, (b, n, x) => b.Negate(b.Multiply(n, b.Add(x, n)))),
        FunctionsCall(UnaryOp.NormalPdf, IntrinsicSource.Internal, (b, n, x) => b.Negate(b.Multiply(x, n))),
        new UnaryIntrinsic(UnaryOp.Reciprocal, IntrinsicSource.Internal, "Reciprocal", x => "(1d / " + x + ")", (b, n, x) => b.Negate(b.Square(n)), null).Named("inv").Folding(x => 1 / x),
        FunctionsCall(UnaryOp.Log1mExp, IntrinsicSource.Internal, (b, n, x) => b.Unary(UnaryOp.InverseExpm1, x)),

        // r = 1/(eˣ − 1): r′ = −eˣ r² = −r (1 + r), never forming eˣ (which overflows first)
        FunctionsCall(UnaryOp.InverseExpm1, IntrinsicSource.Internal, (b, n, x) => b.Negate(b.Multiply(n, b.Add(b.Constant(1), n)))),

        // The log CDFs F₀ of the standard location-scale families: (log F₀)′ = f₀/F₀ = r, and
        // r′ = r (f₀′/f₀ − r) with f₀′/f₀ = −sign z (Laplace) or −2z/(1 + z²) (Cauchy).
        FunctionsCall(UnaryOp.LaplaceLogCdf, IntrinsicSource.Internal, (b, n, x) => b.Unary(UnaryOp.LaplaceCdfRatio, x)),
        FunctionsCall(UnaryOp.LaplaceCdfRatio, IntrinsicSource.Internal, (b, n, x) => b.Negate(b.Multiply(n, b.Add(b.Unary(UnaryOp.Sign, x), n)))),
        FunctionsCall(UnaryOp.CauchyLogCdf, IntrinsicSource.Internal, (b, n, x) => b.Unary(UnaryOp.CauchyCdfRatio, x)),
        FunctionsCall(UnaryOp.CauchyCdfRatio, IntrinsicSource.Internal,
            (b, n, x) => b.Negate(b.Multiply(n, b.Add(b.Divide(b.Multiply(b.Constant(2), x), b.Add(b.Constant(1), b.Square(x))), n)))));

    private static readonly BinaryIntrinsic[] BinaryByOp = BuildBinary(
        Operator(BinaryOp.Add, "+", (b, n, x, y, k) => b.Constant(1)).Named("add").Folding((x, y) => x + y),
        Operator(BinaryOp.Subtract, "-", (b, n, x, y, k) => b.Constant(k == 0 ? 1 : -1)).Named("diff").Folding((x, y) => x - y),
        Operator(BinaryOp.Multiply, "*", (b, n, x, y, k) => k == 0 ? y : x).Named("prod").Folding((x, y) => x * y),
        Operator(BinaryOp.Divide, "/", (b, n, x, y, k) => k == 0 ? b.Unary(UnaryOp.Reciprocal, y) : b.Negate(b.Divide(n, y))).Named("ratio").Folding((x, y) => x / y),
        Operator(BinaryOp.Modulo, "%", null, Int),

        // d xʸ/dx = y·x^(y−1); d xʸ/dy = xʸ·log x
        new BinaryIntrinsic(BinaryOp.Pow, IntrinsicSource.Math, "Pow", (x, y) => MathType + ".Pow(" + x + ", " + y + ")",
            (b, n, x, y, k) => k == 0 ? b.Multiply(y, b.Binary(BinaryOp.Pow, x, b.Subtract(y, b.Constant(1)))) : b.Multiply(n, b.Log(x)), null).Named("pow").Folding(Math.Pow),
        FunctionsCall(BinaryOp.LogSumExp, IntrinsicSource.Functions, (b, n, x, y, k) => b.Exp(b.Subtract(k == 0 ? x : y, n))),
        Operator(BinaryOp.Equal, "==", null, Bool),
        Operator(BinaryOp.NotEqual, "!=", null, Bool),
        Operator(BinaryOp.Less, "<", null, Bool),
        Operator(BinaryOp.LessOrEqual, "<=", null, Bool),
        Operator(BinaryOp.Greater, ">", null, Bool),
        Operator(BinaryOp.GreaterOrEqual, ">=", null, Bool),
        Operator(BinaryOp.And, "&&", null, Bool),
        Operator(BinaryOp.Or, "||", null, Bool),
        FunctionsCall(BinaryOp.NegativeBinomialDispersionInformation, IntrinsicSource.Internal, null, "a Fisher entry: the expected information is never differentiated"),

        // ε (the model's kink smoothing) is a constant of the model, never a function of θ.
        FunctionsCall(BinaryOp.SmoothAbs, IntrinsicSource.Internal, (b, n, x, y, k) => k == 0 ? b.Binary(BinaryOp.SmoothSign, x, y) : b.Constant(0)),
        FunctionsCall(BinaryOp.SmoothSign, IntrinsicSource.Internal, (b, n, x, y, k) => k == 0 ? b.Binary(BinaryOp.SmoothSignDerivative, x, y) : b.Constant(0)),
        FunctionsCall(BinaryOp.SmoothSignDerivative, IntrinsicSource.Internal, null, "the second derivative of a smoothed |z|: derivatives stop at the second"),

        // (L, λ): the bound L is data. d log P(Y > L)/dλ = p(L; λ)/P(Y > L) = r, and
        // r′ = r (L/λ − 1 − r) since d p(L; λ)/dλ = p(L; λ)(L/λ − 1) and d P(Y > L)/dλ = p(L; λ).
        FunctionsCall(BinaryOp.PoissonLogSurvival, IntrinsicSource.Internal, (b, n, x, y, k) => k == 1 ? b.Binary(BinaryOp.PoissonSurvivalRatio, x, y) : b.Constant(0)),
        FunctionsCall(BinaryOp.PoissonSurvivalRatio, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 1 ? b.Multiply(n, b.Subtract(b.Subtract(b.Divide(x, y), b.Constant(1)), n)) : b.Constant(0)),

        // (y, φ) ↦ log Γ(y + φ) − log Γ(φ) and its derivatives, each difference formed without cancellation (a large φ):
        // ∂/∂φ moves one step down the chain; ∂/∂y is the single polygamma at y + φ.
        // y is a count of few distinct values per chunk in the negative binomial: the kernels read them from a table.
        FunctionsCall(BinaryOp.LogGammaDifference, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 1 ? b.Binary(BinaryOp.DigammaDifference, x, y) : b.Unary(UnaryOp.Digamma, b.Add(x, y))).Named("lgammadiff").TabledOverCount(),
        FunctionsCall(BinaryOp.DigammaDifference, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 1 ? b.Binary(BinaryOp.TrigammaDifference, x, y) : b.Unary(UnaryOp.Trigamma, b.Add(x, y))).Named("digammadiff").TabledOverCount(),
        FunctionsCall(BinaryOp.TrigammaDifference, IntrinsicSource.Internal, null,
            "ψ′ differences are second derivatives of log Γ differences: derivatives stop at the second").Named("trigammadiff").TabledOverCount(),

        // (α, x) ↦ log P(α, x) and log Q(α, x), the Gamma family's log CDF and survival function at x = rate·y.
        // ∂/∂x: r = f/P and −h, h = f/Q, with f = x^(α−1)e^(−x)/Γ(α); r′ = r((α − 1)/x − 1 − r), h′ = h((α − 1)/x − 1 + h).
        // ∂/∂α: the runtime's forward-mode first and second α-derivatives; the mixed ones from ∂ log f/∂α = log x − ψ(α):
        // ∂r/∂α = r(log x − ψ(α) − ∂ log P/∂α), ∂h/∂α = h(log x − ψ(α) − ∂ log Q/∂α).
        FunctionsCall(BinaryOp.GammaLogCdf, IntrinsicSource.Internal,
            (b, n, x, y, k) => b.Binary(k == 0 ? BinaryOp.GammaLogCdfShape : BinaryOp.GammaCdfRatio, x, y)),
        FunctionsCall(BinaryOp.GammaCdfRatio, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 0 ? GammaRatioShape(b, n, x, y, BinaryOp.GammaLogCdfShape) : b.Multiply(n, b.Subtract(GammaLogDensitySlope(b, x, y), n))),
        FunctionsCall(BinaryOp.GammaLogCdfShape, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 0 ? b.Binary(BinaryOp.GammaLogCdfShape2, x, y) : GammaRatioShape(b, b.Binary(BinaryOp.GammaCdfRatio, x, y), x, y, BinaryOp.GammaLogCdfShape)),
        FunctionsCall(BinaryOp.GammaLogCdfShape2, IntrinsicSource.Internal, null,
            "∂²/∂α² log P(α, x) is a second derivative of the Gamma log CDF: derivatives stop at the second"),
        FunctionsCall(BinaryOp.GammaLogCcdf, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 0 ? b.Binary(BinaryOp.GammaLogCcdfShape, x, y) : b.Negate(b.Binary(BinaryOp.GammaCcdfRatio, x, y))),
        FunctionsCall(BinaryOp.GammaCcdfRatio, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 0 ? GammaRatioShape(b, n, x, y, BinaryOp.GammaLogCcdfShape) : b.Multiply(n, b.Add(GammaLogDensitySlope(b, x, y), n))),
        FunctionsCall(BinaryOp.GammaLogCcdfShape, IntrinsicSource.Internal,
            (b, n, x, y, k) => k == 0 ? b.Binary(BinaryOp.GammaLogCcdfShape2, x, y) : b.Negate(GammaRatioShape(b, b.Binary(BinaryOp.GammaCcdfRatio, x, y), x, y, BinaryOp.GammaLogCcdfShape))),
        FunctionsCall(BinaryOp.GammaLogCcdfShape2, IntrinsicSource.Internal, null,
            "∂²/∂α² log Q(α, x) is a second derivative of the Gamma log survival function: derivatives stop at the second"),

        // (ν, z) ↦ log F(z; ν) of the standard t (the censored StudentT): ∂/∂z = r = f/F, ∂/∂ν from the runtime's jet in ν;
        // the second derivatives (r (∂ log f/∂z − r), r (∂ log f/∂ν − ∂ log F/∂ν), ∂²/∂ν²) are runtime functions too.
        FunctionsCall(BinaryOp.StudentTLogCdf, IntrinsicSource.Internal,
            (b, n, x, y, k) => b.Binary(k == 0 ? BinaryOp.StudentTLogCdfNu : BinaryOp.StudentTCdfRatio, x, y)),
        FunctionsCall(BinaryOp.StudentTLogCdfNu, IntrinsicSource.Internal,
            (b, n, x, y, k) => b.Binary(k == 0 ? BinaryOp.StudentTLogCdfNu2 : BinaryOp.StudentTCdfRatioNu, x, y)),
        FunctionsCall(BinaryOp.StudentTCdfRatio, IntrinsicSource.Internal,
            (b, n, x, y, k) => b.Binary(k == 0 ? BinaryOp.StudentTCdfRatioNu : BinaryOp.StudentTCdfRatioZ, x, y)),
        FunctionsCall(BinaryOp.StudentTLogCdfNu2, IntrinsicSource.Internal, null, StudentTSecond),
        FunctionsCall(BinaryOp.StudentTCdfRatioZ, IntrinsicSource.Internal, null, StudentTSecond),
        FunctionsCall(BinaryOp.StudentTCdfRatioNu, IntrinsicSource.Internal, null, StudentTSecond));

    private const string BetaSecond = "a second shape derivative of the Beta log CDF or log survival function: derivatives stop at the second";

    /// <summary>
    /// (a, b, x) ↦ log I_x(a, b) and log(1 − I_x(a, b)), the Beta family's log CDF and log survival function. x is data
    /// (an observation or a truncation bound), so only the shape derivatives exist: the runtime's forward-mode
    /// second-order jet in (a, b) gives them all, each a separate call served from its per-thread cache.
    /// </summary>
    private static readonly TernaryIntrinsic[] TernaryByOp = BuildTernary(
        BetaTail(TernaryOp.BetaLogCdf, TernaryOp.BetaLogCdfA, TernaryOp.BetaLogCdfB),
        BetaTail(TernaryOp.BetaLogCdfA, TernaryOp.BetaLogCdfAA, TernaryOp.BetaLogCdfAB),
        BetaTail(TernaryOp.BetaLogCdfB, TernaryOp.BetaLogCdfAB, TernaryOp.BetaLogCdfBB),
        new(TernaryOp.BetaLogCdfAA, "ibeta", null, BetaSecond),
        new(TernaryOp.BetaLogCdfAB, "ibeta", null, BetaSecond),
        new(TernaryOp.BetaLogCdfBB, "ibeta", null, BetaSecond),
        BetaTail(TernaryOp.BetaLogCcdf, TernaryOp.BetaLogCcdfA, TernaryOp.BetaLogCcdfB),
        BetaTail(TernaryOp.BetaLogCcdfA, TernaryOp.BetaLogCcdfAA, TernaryOp.BetaLogCcdfAB),
        BetaTail(TernaryOp.BetaLogCcdfB, TernaryOp.BetaLogCcdfAB, TernaryOp.BetaLogCcdfBB),
        new(TernaryOp.BetaLogCcdfAA, "ibeta", null, BetaSecond),
        new(TernaryOp.BetaLogCcdfAB, "ibeta", null, BetaSecond),
        new(TernaryOp.BetaLogCcdfBB, "ibeta", null, BetaSecond));

    /// <summary>Every unary op's descriptor, in <see cref="UnaryOp"/> order.</summary>
    public static IReadOnlyList<UnaryIntrinsic> AllUnary => UnaryByOp;

    /// <summary>Every binary op's descriptor, in <see cref="BinaryOp"/> order.</summary>
    public static IReadOnlyList<BinaryIntrinsic> AllBinary => BinaryByOp;

    /// <summary>The <c>Math</c> methods of the model language, as MLE0008 lists them: <c>Math.Exp/Log/…</c>.</summary>
    public static readonly string MathList = BuildMathList();

    /// <summary>Every ternary op's descriptor, in <see cref="TernaryOp"/> order.</summary>
    public static IReadOnlyList<TernaryIntrinsic> AllTernary => TernaryByOp;

    public static TernaryIntrinsic Get(TernaryOp op) =>
        (uint)op < (uint)TernaryByOp.Length ? TernaryByOp[(int)op] : throw new InternalErrorException("unknown ternary op " + op);

    public static UnaryIntrinsic Get(UnaryOp op) =>
        (uint)op < (uint)UnaryByOp.Length ? UnaryByOp[(int)op] : throw new InternalErrorException("unknown unary op " + op);

    public static BinaryIntrinsic Get(BinaryOp op) =>
        (uint)op < (uint)BinaryByOp.Length ? BinaryByOp[(int)op] : throw new InternalErrorException("unknown binary op " + op);

    /// <summary>The unary op a user's call of <paramref name="source"/>.<paramref name="name"/> parses to.</summary>
    public static bool TryParseUnary(IntrinsicSource source, string name, out UnaryOp op)
    {
        foreach (var intrinsic in UnaryByOp)
        {
            if (intrinsic.Source == source && intrinsic.Name == name)
            {
                op = intrinsic.Op;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>The binary op a user's call of <paramref name="source"/>.<paramref name="name"/> parses to.</summary>
    public static bool TryParseBinary(IntrinsicSource source, string name, out BinaryOp op)
    {
        foreach (var intrinsic in BinaryByOp)
        {
            if (intrinsic.Source == source && intrinsic.Name == name)
            {
                op = intrinsic.Op;
                return true;
            }
        }

        op = default;
        return false;
    }

    /// <summary>∂ log f/∂x = (α − 1)/x − 1 for the Gamma(α, 1) density f at x.</summary>
    private static Node GammaLogDensitySlope(IrBuilder b, Node shape, Node x) =>
        b.Subtract(b.Divide(b.Subtract(shape, b.Constant(1)), x), b.Constant(1));

    /// <summary>∂(f/T)/∂α = (f/T)·(log x − ψ(α) − ∂ log T/∂α) for a tail T (P or Q) whose α-derivative is <paramref name="tailShape"/>.</summary>
    private static Node GammaRatioShape(IrBuilder b, Node ratio, Node shape, Node x, BinaryOp tailShape) =>
        b.Multiply(ratio, b.Subtract(b.Subtract(b.Log(x), b.Unary(UnaryOp.Digamma, shape)), b.Binary(tailShape, shape, x)));

    private static UnaryIntrinsic MathCall(UnaryOp op, string name, UnaryDerivative derivative) =>
        new(op, IntrinsicSource.Math, name, x => MathType + "." + name + "(" + x + ")", derivative, null);

    private static UnaryIntrinsic FunctionsCall(UnaryOp op, IntrinsicSource source, UnaryDerivative derivative)
    {
        string name = op.ToString();
        return new(op, source, name, x => FunctionsType + "." + name + "(" + x + ")", derivative, null);
    }

    private static BinaryIntrinsic FunctionsCall(BinaryOp op, IntrinsicSource source, BinaryDerivative? derivative, string? noDerivative = null)
    {
        string name = op.ToString();
        return new(op, source, name, (x, y) => FunctionsType + "." + name + "(" + x + ", " + y + ")", derivative, noDerivative);
    }

    private static BinaryIntrinsic Operator(BinaryOp op, string token, BinaryDerivative? derivative, string? noDerivative = null) =>
        new(op, IntrinsicSource.Operator, token, (x, y) => "(" + x + " " + token + " " + y + ")", derivative, noDerivative);

    private static string BuildMathList()
    {
        var names = new List<string>();
        foreach (var intrinsic in UnaryByOp)
        {
            if (intrinsic.Source == IntrinsicSource.Math)
            {
                names.Add(intrinsic.Name);
                if (intrinsic.Op == UnaryOp.Sqrt)
                {
                    names.Add(Get(BinaryOp.Pow).Name);
                }
            }
        }

        return "Math." + string.Join("/", names);
    }

    /// <summary>An op of (a, b, x) whose a- and b-derivatives are the ops <paramref name="da"/> and <paramref name="db"/> at the same arguments.</summary>
    private static TernaryIntrinsic BetaTail(TernaryOp op, TernaryOp da, TernaryOp db) =>
        new(op, "ibeta", (b, n, x, y, z, k) => b.Ternary(k == 0 ? da : db, x, y, z), null);

    private static TernaryIntrinsic[] BuildTernary(params TernaryIntrinsic[] intrinsics)
    {
        var byOp = new TernaryIntrinsic[intrinsics.Length];
        foreach (var intrinsic in intrinsics)
        {
            int k = (int)intrinsic.Op;
            if (k < 0 || k >= byOp.Length || byOp[k] is not null || (intrinsic.Derivative is null) == (intrinsic.NoDerivative is null))
            {
                throw new InvalidOperationException("The ternary intrinsic table is inconsistent at " + intrinsic.Op);
            }

            byOp[k] = intrinsic;
        }

        return byOp;
    }

    private static UnaryIntrinsic[] BuildUnary(params UnaryIntrinsic[] intrinsics)
    {
        var byOp = new UnaryIntrinsic[intrinsics.Length];
        foreach (var intrinsic in intrinsics)
        {
            int k = (int)intrinsic.Op;
            if (k < 0 || k >= byOp.Length || byOp[k] is not null || (intrinsic.Derivative is null) == (intrinsic.NoDerivative is null))
            {
                throw new InvalidOperationException("The unary intrinsic table is inconsistent at " + intrinsic.Op);
            }

            byOp[k] = intrinsic;
        }

        return byOp;
    }

    private static BinaryIntrinsic[] BuildBinary(params BinaryIntrinsic[] intrinsics)
    {
        var byOp = new BinaryIntrinsic[intrinsics.Length];
        foreach (var intrinsic in intrinsics)
        {
            int k = (int)intrinsic.Op;
            if (k < 0 || k >= byOp.Length || byOp[k] is not null || (intrinsic.Derivative is null) == (intrinsic.NoDerivative is null))
            {
                throw new InvalidOperationException("The binary intrinsic table is inconsistent at " + intrinsic.Op);
            }

            byOp[k] = intrinsic;
        }

        return byOp;
    }
}
