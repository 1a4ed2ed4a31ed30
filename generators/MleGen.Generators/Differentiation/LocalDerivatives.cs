using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Differentiation;

/// <summary>
/// ∂node/∂child for every differentiable node kind, as IR. The rules reuse the node's own value where
/// they can (d eˣ = eˣ, d logistic = σ(1 − σ)) and use stable forms (d softplus = logistic,
/// d log Φ = φ/Φ computed as one intrinsic).
/// </summary>
internal static class LocalDerivatives
{
    /// <summary>The partial derivative of <paramref name="node"/> with respect to its child number <paramref name="index"/>.</summary>
    public static Node Partial(IrBuilder b, Node node, int index)
    {
        var c = node.Children;
        switch (node.Kind)
        {
            case NodeKind.Unary:
                return Unary(b, node, c[0]);
            case NodeKind.Binary:
                return Binary(b, node, c[0], c[1], index);
            case NodeKind.Conditional:
                return index == 1 ? b.Conditional(c[0], b.Constant(1), b.Constant(0)) : b.Conditional(c[0], b.Constant(0), b.Constant(1));
            case NodeKind.Reduce:
                // Sum: 1 per term; log-sum-exp: the softmax weight exp(termⱼ − total).
                return node.Reduction == ReductionKind.Sum ? b.Constant(1) : b.Exp(b.Subtract(node.Body, node));
            default:
                return b.Constant(0);
        }
    }

    private static Node Unary(IrBuilder b, Node node, Node x)
    {
        switch (node.UnaryOp)
        {
            case UnaryOp.Negate: return b.Constant(-1);
            case UnaryOp.Exp: return node;
            case UnaryOp.Log: return b.Unary(UnaryOp.Reciprocal, x);
            case UnaryOp.Reciprocal: return b.Negate(b.Square(node));
            case UnaryOp.Sqrt: return b.Divide(b.Constant(0.5), node);
            case UnaryOp.Tanh: return b.Subtract(b.Constant(1), b.Square(node));
            case UnaryOp.Sin: return b.Unary(UnaryOp.Cos, x);
            case UnaryOp.Cos: return b.Negate(b.Unary(UnaryOp.Sin, x));
            case UnaryOp.Abs: return b.Unary(UnaryOp.Sign, x);
            case UnaryOp.Logistic: return b.Multiply(node, b.Subtract(b.Constant(1), node));
            case UnaryOp.Softplus: return b.Unary(UnaryOp.Logistic, x);
            case UnaryOp.Log1p: return b.Unary(UnaryOp.Reciprocal, b.Add(b.Constant(1), x));
            case UnaryOp.Expm1: return b.Add(node, b.Constant(1));
            case UnaryOp.Square: return b.Multiply(b.Constant(2), x);
            case UnaryOp.Phi: return b.Unary(UnaryOp.NormalPdf, x);
            case UnaryOp.NormalPdf: return b.Negate(b.Multiply(x, node));
            case UnaryOp.LogPhi: return b.Unary(UnaryOp.NormalPdfRatio, x);
            case UnaryOp.NormalPdfRatio:
                // r = φ/Φ: r′ = −r (x + r)
                return b.Negate(b.Multiply(node, b.Add(x, node)));
            case UnaryOp.Log1mExp: return b.Unary(UnaryOp.InverseExpm1, x);
            case UnaryOp.InverseExpm1:
                // r = 1/(eˣ − 1): r′ = −eˣ r² = −r (1 + r), never forming eˣ (which overflows first)
                return b.Negate(b.Multiply(node, b.Add(b.Constant(1), node)));

            // The log CDFs F₀ of the standard location-scale families: (log F₀)′ = f₀/F₀ = r, and
            // r′ = r (f₀′/f₀ − r) with f₀′/f₀ = −sign z (Laplace) or −2z/(1 + z²) (Cauchy).
            case UnaryOp.LaplaceLogCdf: return b.Unary(UnaryOp.LaplaceCdfRatio, x);
            case UnaryOp.LaplaceCdfRatio: return b.Negate(b.Multiply(node, b.Add(b.Unary(UnaryOp.Sign, x), node)));
            case UnaryOp.CauchyLogCdf: return b.Unary(UnaryOp.CauchyCdfRatio, x);
            case UnaryOp.CauchyCdfRatio:
                return b.Negate(b.Multiply(node, b.Add(b.Divide(b.Multiply(b.Constant(2), x), b.Add(b.Constant(1), b.Square(x))), node)));
            case UnaryOp.LogGamma: return b.Unary(UnaryOp.Digamma, x);
            case UnaryOp.Digamma: return b.Unary(UnaryOp.Trigamma, x);
            default:
                // Sign is piecewise constant; Trigamma's derivative is never needed (user code cannot
                // reach ψ′ through a second derivative: only log Γ is in the language).
                return b.Constant(0);
        }
    }

    private static Node Binary(IrBuilder b, Node node, Node x, Node y, int index)
    {
        switch (node.BinaryOp)
        {
            case BinaryOp.Add: return b.Constant(1);
            case BinaryOp.Subtract: return b.Constant(index == 0 ? 1 : -1);
            case BinaryOp.Multiply: return index == 0 ? y : x;
            case BinaryOp.Divide: return index == 0 ? b.Unary(UnaryOp.Reciprocal, y) : b.Negate(b.Divide(node, y));
            case BinaryOp.Pow:
                // d xʸ/dx = y·x^(y−1); d xʸ/dy = xʸ·log x
                return index == 0 ? b.Multiply(y, b.Binary(BinaryOp.Pow, x, b.Subtract(y, b.Constant(1)))) : b.Multiply(node, b.Log(x));
            case BinaryOp.LogSumExp: return b.Exp(b.Subtract(index == 0 ? x : y, node));

            // (L, λ): the bound L is data. d log P(Y > L)/dλ = p(L; λ)/P(Y > L) = r, and
            // r′ = r (L/λ − 1 − r) since d p(L; λ)/dλ = p(L; λ)(L/λ − 1) and d P(Y > L)/dλ = p(L; λ).
            case BinaryOp.PoissonLogSurvival: return index == 1 ? b.Binary(BinaryOp.PoissonSurvivalRatio, x, y) : b.Constant(0);
            case BinaryOp.PoissonSurvivalRatio:
                return index == 1 ? b.Multiply(node, b.Subtract(b.Subtract(b.Divide(x, y), b.Constant(1)), node)) : b.Constant(0);

            // ε (the model's kink smoothing) is a constant of the model, never a function of θ.
            case BinaryOp.SmoothAbs: return index == 0 ? b.Binary(BinaryOp.SmoothSign, x, y) : b.Constant(0);
            case BinaryOp.SmoothSign: return index == 0 ? b.Binary(BinaryOp.SmoothSignDerivative, x, y) : b.Constant(0);
            default: return b.Constant(0);
        }
    }
}
