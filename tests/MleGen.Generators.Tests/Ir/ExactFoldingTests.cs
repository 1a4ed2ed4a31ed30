using System;
using System.Collections.Immutable;
using MleGen.Generators.Common;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using Xunit;

namespace MleGen.Generators.Tests.Ir;

/// <summary>
/// The IR builder's rewrites that make generated code readable are exact: each is checked against the unfolded
/// arithmetic on numbers (bit for bit), and a product that would round differently is left alone.
/// </summary>
public class ExactFoldingTests
{
    private static readonly double[] Values = [0.1, -3.7, 1e-300, 7.123456789e200, 2.5, -0.0, 1.0 / 3.0, 123456.789];

    [Fact]
    public void AConstantProductWithAPowerOfTwoFoldsAndGivesTheSameBits()
    {
        var b = new IrBuilder();
        var x = b.Param("X", ImmutableArray<Node>.Empty);
        foreach (var (c1, c2) in new[] { (2.5, 0.25), (0.1, 4.0), (-8.0, 0.3), (0.5, 6.0) })
        {
            var folded = b.Multiply(b.Constant(c1), b.Multiply(b.Constant(c2), x));
            Assert.Equal(NodeKind.Binary, folded.Kind);
            var constant = folded.Children[0].IsConstant ? folded.Children[0] : folded.Children[1];
            Assert.Equal(c1 * c2, constant.Value);
            foreach (double v in Values)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(c1 * (c2 * v)), BitConverter.DoubleToInt64Bits(constant.Value * v));
            }
        }

        // ½·(x·2) is x itself.
        Assert.Same(x, b.Multiply(b.Constant(0.5), b.Multiply(x, b.Constant(2))));
    }

    [Fact]
    public void AConstantProductThatWouldRoundDifferentlyIsNotFolded()
    {
        var b = new IrBuilder();
        var x = b.Param("X", ImmutableArray<Node>.Empty);
        var inner = b.Multiply(b.Constant(0.1), x);
        var outer = b.Multiply(b.Constant(3), inner);

        // 3·(0.1·x) and 0.3·x differ for some x: the product keeps its two steps.
        Assert.True(outer.Children[0] == inner || outer.Children[1] == inner);
        double five = 5;
        Assert.NotEqual(3 * (0.1 * five), (3 * 0.1) * five);
    }

    [Fact]
    public void NegationsMoveOnlyWhereTheValueIsTheSame()
    {
        var b = new IrBuilder();
        var x = b.Param("X", ImmutableArray<Node>.Empty);
        var y = b.Param("Y", ImmutableArray<Node>.Empty);

        var negatedDifference = b.Negate(b.Subtract(x, y));
        Assert.Equal(BinaryOp.Subtract, negatedDifference.BinaryOp);
        Assert.Same(y, negatedDifference.Children[0]);

        var plusNegative = b.Add(x, b.Constant(-1.5));
        Assert.Equal(BinaryOp.Subtract, plusNegative.BinaryOp);
        Assert.Equal(1.5, plusNegative.Children[1].Value);

        Assert.Same(x, b.Add(x, b.Constant(-0.0)));
        Assert.Same(x, b.Multiply(x, b.Constant(1)));
        foreach (double u in Values)
        {
            foreach (double v in Values)
            {
                Assert.Equal(-(u - v), v - u); // equal as numbers (a zero difference may change its sign only)
                Assert.Equal(BitConverter.DoubleToInt64Bits(u + -1.5), BitConverter.DoubleToInt64Bits(u - 1.5));
            }
        }
    }

    [Fact]
    public void ConstantsFoldByTheRegistrysRuleAndSpecialFunctionsAreLeftToTheRuntime()
    {
        var b = new IrBuilder();
        Assert.Equal(Math.Exp(0.7), b.Exp(b.Constant(0.7)).Value);
        Assert.Equal(Math.Pow(1.5, 2.5), b.Binary(BinaryOp.Pow, b.Constant(1.5), b.Constant(2.5)).Value);
        Assert.Equal(NodeKind.Unary, b.Unary(UnaryOp.LogGamma, b.Constant(2.5)).Kind);
        Assert.Null(IntrinsicRegistry.Get(UnaryOp.LogGamma).Fold);

        // log 0 is not finite: not folded.
        Assert.Equal(NodeKind.Unary, b.Log(b.Constant(0)).Kind);
    }

    [Fact]
    public void EveryOpNamesItsLocalsWithLetters()
    {
        foreach (var unary in IntrinsicRegistry.AllUnary)
        {
            Assert.Matches("^[a-z][a-z0-9]*$", unary.Stem);
        }

        foreach (var binary in IntrinsicRegistry.AllBinary)
        {
            Assert.Matches("^[a-z]+$", binary.Stem);
        }
    }

    [Fact]
    public void LoweringAnUnboundVariableOrAFamilyArgumentIsAnInternalErrorNotAZero()
    {
        var lowering = new SpecLowering(new IrBuilder());
        Assert.Throws<InternalErrorException>(() => lowering.Lower(new VariableSpec("k")));
        Assert.Throws<InternalErrorException>(() => lowering.Lower(new MemberVectorSpec("W", true)));
        Assert.Throws<InternalErrorException>(() => lowering.Lower(new LambdaSpec("k", new VariableSpec("k"))));
    }
}
