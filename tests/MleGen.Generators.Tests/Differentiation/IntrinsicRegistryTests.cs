using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using Xunit;

namespace MleGen.Generators.Tests.Differentiation;

/// <summary>
/// Walks every IR operation and asserts it has every rule: a derivative rule or an explicit reason for none, a printed
/// form that calls a method the runtime (or System.Math) really has, and — for what the user may call — a parse name
/// that MLE0008's list of the language shows.
/// </summary>
public class IntrinsicRegistryTests
{
    public static TheoryData<string> UnaryOps => new(Enum.GetNames<UnaryOp>());

    public static TheoryData<string> BinaryOps => new(Enum.GetNames<BinaryOp>());

    public static TheoryData<string> TernaryOps => new(Enum.GetNames<TernaryOp>());

    [Fact]
    public void EveryOpHasExactlyOneDescriptor()
    {
        Assert.Equal(Enum.GetValues<UnaryOp>(), IntrinsicRegistry.AllUnary.Select(d => d.Op));
        Assert.Equal(Enum.GetValues<BinaryOp>(), IntrinsicRegistry.AllBinary.Select(d => d.Op));
        Assert.Throws<InternalErrorException>(() => IntrinsicRegistry.Get((UnaryOp)999));
        Assert.Throws<InternalErrorException>(() => IntrinsicRegistry.Get((BinaryOp)999));
        Assert.Equal(Enum.GetValues<TernaryOp>(), IntrinsicRegistry.AllTernary.Select(d => d.Op));
        Assert.Throws<InternalErrorException>(() => IntrinsicRegistry.Get((TernaryOp)999));
    }

    /// <summary>
    /// A ternary op (the Beta family's incomplete beta of (a, b, x)) prints a real three-double Functions method; its a- and
    /// b-derivatives are ops of the same arguments (or it says why not), and a derivative in x, which is data, is an internal error.
    /// </summary>
    [Theory]
    [MemberData(nameof(TernaryOps))]
    public void EveryTernaryOpHasShapeDerivativesOrSaysWhyNotAndPrintsARealMethod(string name)
    {
        var op = Enum.Parse<TernaryOp>(name);
        var intrinsic = IntrinsicRegistry.Get(op);
        Assert.NotEqual(intrinsic.Derivative is null, intrinsic.NoDerivative is null);
        AssertPrintsARealMethod(IntrinsicSource.Internal, intrinsic.Name, intrinsic.Print("x", "y", "z"), 3);
        var b = new IrBuilder();
        var x = b.Data("D", ScalarType.Double, ImmutableArray<Node>.Empty);
        var node = b.Ternary(op, b.Param("A", ImmutableArray<Node>.Empty), b.Param("B", ImmutableArray<Node>.Empty), x);
        Assert.Throws<InternalErrorException>(() => LocalDerivatives.Partial(b, node, 2));
        if (intrinsic.Derivative is not null)
        {
            var da = LocalDerivatives.Partial(b, node, 0);
            var db = LocalDerivatives.Partial(b, node, 1);
            Assert.Equal(NodeKind.Ternary, da.Kind);
            Assert.Equal(node.Children, da.Children);
            Assert.Equal(node.Children, db.Children);
            Assert.NotEqual(da.TernaryOp, db.TernaryOp);
        }
        else
        {
            var error = Assert.Throws<InternalErrorException>(() => LocalDerivatives.Partial(b, node, 0));
            Assert.Contains(intrinsic.NoDerivative!, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void EveryUnaryOpHasADerivativeRuleOrSaysWhyNotAndPrintsARealMethod(string name)
    {
        var op = Enum.Parse<UnaryOp>(name);
        var intrinsic = IntrinsicRegistry.Get(op);
        Assert.NotEqual(intrinsic.Derivative is null, intrinsic.NoDerivative is null);
        AssertPrintsARealMethod(intrinsic.Source, intrinsic.Name, intrinsic.Print("x"), 1);

        var b = new IrBuilder();
        var theta = b.Param("Theta", ImmutableArray<Node>.Empty);
        var node = op == UnaryOp.Not ? b.Unary(op, b.Binary(BinaryOp.Less, b.Data("D", ScalarType.Double, ImmutableArray<Node>.Empty), b.Constant(0))) : b.Unary(op, theta);
        if (intrinsic.Derivative is not null)
        {
            Assert.NotNull(LocalDerivatives.Partial(b, node, 0));
        }
        else
        {
            // Fail loud: no silent 0 where a rule is missing.
            var error = Assert.Throws<InternalErrorException>(() => LocalDerivatives.Partial(b, node, 0));
            Assert.Contains(intrinsic.NoDerivative!, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void EveryBinaryOpHasADerivativeRuleOrSaysWhyNotAndPrintsARealMethod(string name)
    {
        var op = Enum.Parse<BinaryOp>(name);
        var intrinsic = IntrinsicRegistry.Get(op);
        Assert.NotEqual(intrinsic.Derivative is null, intrinsic.NoDerivative is null);
        AssertPrintsARealMethod(intrinsic.Source, intrinsic.Name, intrinsic.Print("x", "y"), 2);
        if (intrinsic.Derivative is not null)
        {
            var b = new IrBuilder();
            var node = b.Binary(op, b.Param("A", ImmutableArray<Node>.Empty), b.Param("B", ImmutableArray<Node>.Empty));
            if (node.Kind == NodeKind.Binary && node.BinaryOp == op)
            {
                Assert.NotNull(LocalDerivatives.Partial(b, node, 0));
                Assert.NotNull(LocalDerivatives.Partial(b, node, 1));
            }
        }
    }

    [Fact]
    public void Mle0008ListsEveryMathMethodOfTheLanguage()
    {
        var math = IntrinsicRegistry.AllUnary.Where(d => d.Source == IntrinsicSource.Math).Select(d => d.Name)
            .Concat(IntrinsicRegistry.AllBinary.Where(d => d.Source == IntrinsicSource.Math).Select(d => d.Name));
        Assert.Equal("Math.Exp/Log/Sqrt/Pow/Tanh/Sin/Cos/Abs", IntrinsicRegistry.MathList);
        Assert.All(math, m => Assert.Contains("/" + m, "/" + IntrinsicRegistry.MathList.Substring("Math.".Length), StringComparison.Ordinal));
        Assert.Contains(IntrinsicRegistry.MathList, DiagnosticDescriptors.SupportedSubset, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUserCannotCallAnInternalOp()
    {
        Assert.False(IntrinsicRegistry.TryParseUnary(IntrinsicSource.Functions, "Digamma", out _));
        Assert.True(IntrinsicRegistry.TryParseUnary(IntrinsicSource.Functions, "LogGamma", out var logGamma));
        Assert.Equal(UnaryOp.LogGamma, logGamma);
        Assert.True(IntrinsicRegistry.TryParseBinary(IntrinsicSource.Math, "Pow", out var pow));
        Assert.Equal(BinaryOp.Pow, pow);
    }

    [Fact]
    public void AskingForTheDerivativeOfAConditionIsAnInternalError()
    {
        var b = new IrBuilder();
        var condition = b.Binary(BinaryOp.Less, b.Data("D", ScalarType.Double, ImmutableArray<Node>.Empty), b.Constant(0));
        var node = b.Conditional(condition, b.Param("A", ImmutableArray<Node>.Empty), b.Param("B", ImmutableArray<Node>.Empty));
        Assert.Throws<InternalErrorException>(() => LocalDerivatives.Partial(b, node, 0));
        Assert.Throws<InternalErrorException>(() => LocalDerivatives.Partial(b, b.ToDouble(b.Data("I", ScalarType.Int, ImmutableArray<Node>.Empty)), 0));
    }

    /// <summary>A Math/Functions op prints as a call of a public static method with <paramref name="arity"/> double parameters that really exists.</summary>
    private static void AssertPrintsARealMethod(IntrinsicSource source, string name, string printed, int arity)
    {
        Assert.False(string.IsNullOrWhiteSpace(printed));
        Type? type = printed.Contains(IntrinsicRegistry.FunctionsType + ".", StringComparison.Ordinal) ? typeof(Functions)
            : printed.Contains(IntrinsicRegistry.MathType + ".", StringComparison.Ordinal) ? typeof(Math)
            : null;
        if (source is IntrinsicSource.Math or IntrinsicSource.Functions)
        {
            Assert.NotNull(type);
        }

        if (type is null)
        {
            Assert.True(IntrinsicSource.Operator == source || name is "Reciprocal", name + " prints no runtime method but is neither an operator nor Reciprocal");
            return;
        }

        string method = printed.Substring(printed.IndexOf(type == typeof(Math) ? IntrinsicRegistry.MathType : IntrinsicRegistry.FunctionsType, StringComparison.Ordinal)).Split('.', '(')[^2];
        var parameters = type == typeof(Math) && name == "Sign" ? [typeof(double)] : Enumerable.Repeat(typeof(double), arity).ToArray();
        Assert.True(type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, parameters) is not null, printed + ": no public static " + type.Name + "." + method + "(" + arity + " doubles)");
    }
}
