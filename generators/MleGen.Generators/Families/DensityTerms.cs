using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>Constants and pieces of log densities shared by several family descriptors.</summary>
internal static class DensityTerms
{
    public const double HalfLogTwoPi = 0.91893853320467274178032973640562; // ½·log(2π)
    public const double LogPi = 1.1447298858494001741434273513531;         // log π
    public const double LogTwo = 0.69314718055994530941723212145818;       // log 2
    public const double EulerGamma = 0.57721566490153286060651209008240;   // γ
    public const double PiSquaredOverSix = 1.6449340668482264364724151666460; // π²/6

    /// <summary>−½ log(2π) − log σ − ½ ((y − μ)/σ)².</summary>
    public static Node NormalLogDensity(IrBuilder b, Node y, Node mean, Node sd)
    {
        var z = b.Divide(b.Subtract(y, mean), sd);
        return b.Sum(b.Constant(-HalfLogTwoPi), b.Negate(b.Log(sd)), b.Negate(b.Multiply(b.Constant(0.5), b.Square(z))));
    }

    /// <summary>z = (y − location)/scale.</summary>
    public static Node Standardize(IrBuilder b, Node y, Node location, Node scale) => b.Divide(b.Subtract(y, location), scale);

    /// <summary>y ≠ 0 as a bool (a bool observation is itself).</summary>
    public static Node IsOne(IrBuilder b, Node y) => y.Type == ScalarType.Bool ? y : b.Binary(BinaryOp.NotEqual, b.ToDouble(y), b.Constant(0));

    /// <summary>y = 0.</summary>
    public static Node IsZero(IrBuilder b, Node y) => b.Binary(BinaryOp.Equal, y, b.Constant(0));

    /// <summary>log k! = log Γ(k + 1).</summary>
    public static Node LogFactorial(IrBuilder b, Node k) => b.Unary(UnaryOp.LogGamma, b.Add(k, b.Constant(1)));

    /// <summary>log C(n, k).</summary>
    public static Node LogChoose(IrBuilder b, Node n, Node k) =>
        b.Sum(LogFactorial(b, n), b.Negate(LogFactorial(b, k)), b.Negate(LogFactorial(b, b.Subtract(n, k))));

    /// <summary>1/x.</summary>
    public static Node Reciprocal(IrBuilder b, Node x) => b.Unary(UnaryOp.Reciprocal, x);

    /// <summary>1/x².</summary>
    public static Node InverseSquare(IrBuilder b, Node x) => Reciprocal(b, b.Square(x));

    /// <summary>ψ′(x).</summary>
    public static Node Trigamma(IrBuilder b, Node x) => b.Unary(UnaryOp.Trigamma, x);
}
