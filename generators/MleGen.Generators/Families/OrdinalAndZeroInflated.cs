using System.Collections.Immutable;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Families;

/// <summary>
/// The log densities of <c>OrderedLogistic(eta, cuts)</c>, <c>ZeroInflatedPoisson(zeroProbability, rate)</c> and
/// <c>ZeroInflatedNegativeBinomial(zeroProbability, mean, dispersion)</c> as IR, in stable form.
/// </summary>
internal static class OrdinalAndZeroInflated
{
    /// <summary>
    /// log P(y) of the proportional-odds model, classes 0…K−1, K − 1 = cuts.Length:
    /// −softplus(η − c₀) for y = 0, −softplus(c_{K−2} − η) for y = K − 1, and between
    /// a + log(1 − e^{−(c_y − c_{y−1})}) − softplus(a) − softplus(b) with a = c_y − η, b = c_{y−1} − η. The cut indices
    /// are clamped into range (y and y − 1 only where they exist), so every read is inside the vector in every branch.
    /// </summary>
    public static Node OrderedLogisticLogDensity(IrBuilder b, Node y, FamilyArguments args)
    {
        var eta = args.Scalars[0];
        var (member, isParameter) = args.Vectors[0];
        var last = b.Length(member, -1);
        var yi = y; // an int class index (the parser requires an int[] observed member)
        var one = b.IntConstant(1);
        var zero = b.IntConstant(0);
        var upperIndex = b.Conditional(b.Binary(BinaryOp.Less, yi, last), yi, b.Subtract(last, one));
        var lowerIndex = b.Conditional(b.Binary(BinaryOp.Greater, yi, zero), b.Subtract(yi, one), zero);
        Node Cut(Node index) => isParameter ? b.Param(member, ImmutableArray.Create(index)) : b.Data(member, ScalarType.Double, ImmutableArray.Create(index));
        var upper = Cut(upperIndex);
        var lower = Cut(lowerIndex);
        var a = b.Subtract(upper, eta);
        var c = b.Subtract(lower, eta);
        var first = b.Negate(b.Unary(UnaryOp.Softplus, b.Negate(a)));
        var lastClass = b.Negate(b.Unary(UnaryOp.Softplus, c));
        var middle = b.Sum(a, b.Unary(UnaryOp.Log1mExp, b.Subtract(upper, lower)), b.Negate(b.Unary(UnaryOp.Softplus, a)), b.Negate(b.Unary(UnaryOp.Softplus, c)));
        return b.Conditional(b.Binary(BinaryOp.Equal, yi, zero), first, b.Conditional(b.Binary(BinaryOp.Equal, yi, last), lastClass, middle));
    }

    /// <summary>
    /// log P(y) of a zero-inflated count: log(π + (1 − π)·p(0)) at 0 by log-sum-exp of log π and log(1 − π) + log p(0),
    /// log(1 − π) + log p(y) above; <paramref name="countLogDensity"/> is the count family's log p(y).
    /// </summary>
    public static Node ZeroInflatedLogDensity(IrBuilder b, Node y, Node zeroProbability, Node countLogDensity)
    {
        var yd = b.ToDouble(y);
        var notZero = b.Unary(UnaryOp.Log1p, b.Negate(zeroProbability));
        var count = b.Add(notZero, countLogDensity);
        return b.Conditional(b.Binary(BinaryOp.Equal, yd, b.Constant(0)), b.Binary(BinaryOp.LogSumExp, b.Log(zeroProbability), count), count);
    }
}
