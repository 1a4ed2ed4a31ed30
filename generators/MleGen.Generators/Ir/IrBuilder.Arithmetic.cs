using System;
using System.Collections.Immutable;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Ir;

/// <summary>
/// Arithmetic with constant folding and the identities x+0, x·1, x·0, −(−x). Every rewrite is exact: it
/// moves negations (−(a − b) = b − a, a + (−c) = a − c) or folds a constant product c₁·(c₂·x) = (c₁c₂)·x only
/// when one factor is a power of two (so c₁c₂ and the scaling are exact), so no number the model computes
/// changes in the expressions as written (derivatives built from them may sum their terms in another order).
/// </summary>
internal sealed partial class IrBuilder
{
    public Node ToDouble(Node x)
    {
        if (x.Type == ScalarType.Double)
        {
            return x;
        }

        if (x.IsConstant)
        {
            return Constant(x.Value);
        }

        return Intern(NodeKind.Convert, ScalarType.Double, ImmutableArray.Create(x));
    }

    public Node Add(Node a, Node b) => Binary(BinaryOp.Add, a, b);

    public Node Subtract(Node a, Node b) => Binary(BinaryOp.Subtract, a, b);

    public Node Multiply(Node a, Node b) => Binary(BinaryOp.Multiply, a, b);

    public Node Divide(Node a, Node b) => Binary(BinaryOp.Divide, a, b);

    public Node Negate(Node x) => Unary(UnaryOp.Negate, x);

    public Node Log(Node x) => Unary(UnaryOp.Log, x);

    public Node Exp(Node x) => Unary(UnaryOp.Exp, x);

    public Node Square(Node x) => Unary(UnaryOp.Square, x);

    public Node Sum(params Node[] terms)
    {
        var total = Constant(0);
        foreach (var term in terms)
        {
            total = Add(total, term);
        }

        return total;
    }

    public Node Unary(UnaryOp op, Node x)
    {
        if (op == UnaryOp.Not)
        {
            return x.IsConstant ? BoolConstant(x.Value == 0) : Intern(NodeKind.Unary, ScalarType.Bool, ImmutableArray.Create(x), unaryOp: op);
        }

        if (op == UnaryOp.Negate && x.Type == ScalarType.Int)
        {
            return x.IsConstant ? IntConstant(-(int)x.Value) : Intern(NodeKind.Unary, ScalarType.Int, ImmutableArray.Create(x), unaryOp: op);
        }

        x = ToDouble(x);
        if (x.IsConstant && TryFold(op, x.Value, out double folded))
        {
            return Constant(folded);
        }

        if (op == UnaryOp.Negate && x.Kind == NodeKind.Unary && x.UnaryOp == UnaryOp.Negate)
        {
            return x.Children[0];
        }

        // −(a − b) = b − a: negation and subtraction are both exactly rounded and sign-symmetric.
        if (op == UnaryOp.Negate && x.Kind == NodeKind.Binary && x.BinaryOp == BinaryOp.Subtract)
        {
            return Subtract(x.Children[1], x.Children[0]);
        }

        return Intern(NodeKind.Unary, ScalarType.Double, ImmutableArray.Create(x), unaryOp: op);
    }

    public Node Binary(BinaryOp op, Node a, Node b)
    {
        switch (op)
        {
            case BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual:
                if (a.Type != b.Type)
                {
                    a = ToDouble(a);
                    b = ToDouble(b);
                }

                if (a.IsConstant && b.IsConstant)
                {
                    return BoolConstant(Compare(op, a.Value, b.Value));
                }

                return Intern(NodeKind.Binary, ScalarType.Bool, ImmutableArray.Create(a, b), binaryOp: op);
            case BinaryOp.And or BinaryOp.Or:
                if (a.IsConstant && b.IsConstant)
                {
                    return BoolConstant(op == BinaryOp.And ? a.Value != 0 && b.Value != 0 : a.Value != 0 || b.Value != 0);
                }

                // Exact boolean identities (no number changes): x ∧ x = x, true ∧ x = x, false ∨ x = x, and their duals.
                if (a == b)
                {
                    return a;
                }

                bool identity = op == BinaryOp.And;
                if (a.IsConstant)
                {
                    return (a.Value != 0) == identity ? b : a;
                }

                if (b.IsConstant)
                {
                    return (b.Value != 0) == identity ? a : b;
                }

                return Intern(NodeKind.Binary, ScalarType.Bool, ImmutableArray.Create(a, b), binaryOp: op);
        }

        if (a.Type == ScalarType.Int && b.Type == ScalarType.Int && op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Modulo)
        {
            return IntBinary(op, a, b);
        }

        a = ToDouble(a);
        b = ToDouble(b);
        if (a.IsConstant && b.IsConstant && TryFold(op, a.Value, b.Value, out double folded))
        {
            return Constant(folded);
        }

        switch (op)
        {
            case BinaryOp.Add:
                if (a.IsConstantValue(0)) return b;
                if (b.IsConstantValue(0)) return a;
                if (b.Kind == NodeKind.Unary && b.UnaryOp == UnaryOp.Negate) return Subtract(a, b.Children[0]);
                if (a.Kind == NodeKind.Unary && a.UnaryOp == UnaryOp.Negate) return Subtract(b, a.Children[0]);
                if (b.IsConstant && b.Value < 0) return Subtract(a, Constant(-b.Value));
                if (a.IsConstant && a.Value < 0) return Subtract(b, Constant(-a.Value));
                break;
            case BinaryOp.Subtract:
                if (b.IsConstantValue(0)) return a;
                if (a.IsConstantValue(0)) return Negate(b);
                if (a == b) return Constant(0);
                if (b.Kind == NodeKind.Unary && b.UnaryOp == UnaryOp.Negate) return Add(a, b.Children[0]);
                break;
            case BinaryOp.Multiply:
                if (a.IsConstantValue(0) || b.IsConstantValue(0)) return Constant(0);
                if (a.IsConstantValue(1)) return b;
                if (b.IsConstantValue(1)) return a;
                if (a.IsConstantValue(-1)) return Negate(b);
                if (b.IsConstantValue(-1)) return Negate(a);
                if (a.Kind == NodeKind.Unary && a.UnaryOp == UnaryOp.Negate) return Negate(Multiply(a.Children[0], b));
                if (b.Kind == NodeKind.Unary && b.UnaryOp == UnaryOp.Negate) return Negate(Multiply(a, b.Children[0]));
                if (a.IsConstant && TryScale(a.Value, b, out var scaled)) return scaled;
                if (b.IsConstant && TryScale(b.Value, a, out scaled)) return scaled;
                break;
            case BinaryOp.Divide:
                if (b.IsConstantValue(1)) return a;
                if (a.IsConstantValue(0)) return Constant(0);
                if (a.Kind == NodeKind.Unary && a.UnaryOp == UnaryOp.Negate) return Negate(Divide(a.Children[0], b));

                // A per-observation (or per-index) value over a divisor that is not: multiply by the
                // reciprocal, which the scheduler computes once per call (or per index, into a table)
                // instead of a division (several times the cost of a product) for every observation.
                if (!b.IsConstant && !b.DependsOnObservation && (a.DependsOnObservation || !a.FreeVariables.IsSubsetOf(b.FreeVariables)))
                {
                    return Multiply(a, Unary(UnaryOp.Reciprocal, b));
                }

                break;
            case BinaryOp.Pow:
                if (b.IsConstantValue(1)) return a;
                if (b.IsConstantValue(2)) return Square(a);
                if (b.IsConstantValue(0)) return Constant(1);
                break;
        }

        if (op is BinaryOp.Add or BinaryOp.Multiply && a.Id > b.Id)
        {
            (a, b) = (b, a);
        }

        return Intern(NodeKind.Binary, ScalarType.Double, ImmutableArray.Create(a, b), binaryOp: op);
    }

    public Node Conditional(Node condition, Node whenTrue, Node whenFalse)
    {
        if (condition.IsConstant)
        {
            return condition.Value != 0 ? whenTrue : whenFalse;
        }

        if (whenTrue.Type != whenFalse.Type)
        {
            whenTrue = ToDouble(whenTrue);
            whenFalse = ToDouble(whenFalse);
        }

        if (whenTrue == whenFalse)
        {
            return whenTrue;
        }

        // c ? (c ? a : b) : d  →  c ? a : d, and likewise in the other branch.
        if (whenTrue.Kind == NodeKind.Conditional && whenTrue.Children[0] == condition)
        {
            return Conditional(condition, whenTrue.Children[1], whenFalse);
        }

        if (whenFalse.Kind == NodeKind.Conditional && whenFalse.Children[0] == condition)
        {
            return Conditional(condition, whenTrue, whenFalse.Children[2]);
        }

        return Intern(NodeKind.Conditional, whenTrue.Type, ImmutableArray.Create(condition, whenTrue, whenFalse));
    }

    /// <summary>
    /// c·(k·y) → (c·k)·y when that is exact: one of c, k is a power of two and c·k is a normal number, so
    /// c·k has no rounding and scaling by a power of two commutes with the rounding of k·y.
    /// </summary>
    private bool TryScale(double c, Node x, out Node result)
    {
        result = x;
        if (x.Kind != NodeKind.Binary || x.BinaryOp != BinaryOp.Multiply || x.Type != ScalarType.Double)
        {
            return false;
        }

        int constant = x.Children[0].IsConstant ? 0 : x.Children[1].IsConstant ? 1 : -1;
        if (constant < 0)
        {
            return false;
        }

        double k = x.Children[constant].Value;
        double product = c * k;
        if (!(IsPowerOfTwo(c) || IsPowerOfTwo(k)) || double.IsInfinity(product) || double.IsNaN(product) || Math.Abs(product) < MinNormal)
        {
            return false;
        }

        result = Multiply(Constant(product), x.Children[1 - constant]);
        return true;
    }

    private const double MinNormal = 2.2250738585072014E-308;

    /// <summary>True when |x| is 2ⁿ for a normal x (its significand bits are all zero).</summary>
    private static bool IsPowerOfTwo(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        long exponent = (bits >> 52) & 0x7FF;
        return exponent != 0 && exponent != 0x7FF && (bits & 0xFFFFFFFFFFFFFL) == 0;
    }

    private Node IntBinary(BinaryOp op, Node a, Node b)
    {
        if (a.IsConstant && b.IsConstant && !(op is BinaryOp.Divide or BinaryOp.Modulo && b.Value == 0))
        {
            int x = (int)a.Value, y = (int)b.Value;
            return IntConstant(op switch
            {
                BinaryOp.Add => unchecked(x + y),
                BinaryOp.Subtract => unchecked(x - y),
                BinaryOp.Multiply => unchecked(x * y),
                BinaryOp.Divide => x / y,
                _ => x % y,
            });
        }

        if (op == BinaryOp.Add && a.IsConstantValue(0)) return b;
        if (op is BinaryOp.Add or BinaryOp.Subtract && b.IsConstantValue(0)) return a;
        if (op == BinaryOp.Multiply && (a.IsConstantValue(1) || b.IsConstantValue(1))) return a.IsConstantValue(1) ? b : a;
        return Intern(NodeKind.Binary, ScalarType.Int, ImmutableArray.Create(a, b), binaryOp: op);
    }

    private static bool Compare(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Equal => a == b,
        BinaryOp.NotEqual => a != b,
        BinaryOp.Less => a < b,
        BinaryOp.LessOrEqual => a <= b,
        BinaryOp.Greater => a > b,
        _ => a >= b,
    };

    /// <summary>Folds an op on a constant by the intrinsic registry's rule, when it has one and the result is finite.</summary>
    private static bool TryFold(UnaryOp op, double x, out double result)
    {
        var fold = IntrinsicRegistry.Get(op).Fold;
        result = fold is null ? double.NaN : fold(x);

        // Only fold what stays finite; special functions are left to the runtime.
        return !double.IsNaN(result) && !double.IsInfinity(result);
    }

    private static bool TryFold(BinaryOp op, double a, double b, out double result)
    {
        var fold = IntrinsicRegistry.Get(op).Fold;
        result = fold is null ? double.NaN : fold(a, b);
        return !double.IsNaN(result) && !double.IsInfinity(result);
    }
}
