using System;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Intrinsics;

/// <summary>Where an operation comes from in the user's code, and so how the parser finds it.</summary>
internal enum IntrinsicSource
{
    /// <summary>A C# operator (<c>-x</c>, <c>a + b</c>, <c>a &lt; b</c>): parsed from syntax, not by name.</summary>
    Operator,

    /// <summary>A <c>System.Math</c> method the user calls.</summary>
    Math,

    /// <summary>A <c>MleGen.Functions</c> helper the user calls.</summary>
    Functions,

    /// <summary>Produced only by the family descriptors and the differentiator; printed as a <c>MleGen.Functions</c> call (or inline).</summary>
    Internal,
}

/// <summary>∂node/∂x of a unary op, as IR (<paramref name="node"/> is the op's own value, reusable: d eˣ = eˣ).</summary>
internal delegate Node UnaryDerivative(IrBuilder b, Node node, Node x);

/// <summary>∂node/∂(child <paramref name="index"/>) of a binary op, as IR.</summary>
internal delegate Node BinaryDerivative(IrBuilder b, Node node, Node x, Node y, int index);

/// <summary>∂node/∂(argument <paramref name="index"/>) of a ternary op node (index 0 or 1: the third argument is data).</summary>
internal delegate Node TernaryDerivative(IrBuilder b, Node node, Node x, Node y, Node z, int index);

/// <summary>
/// One unary operation: its parse name (for <see cref="IntrinsicSource.Math"/> and <see cref="IntrinsicSource.Functions"/>),
/// how it prints in generated code (the runtime method it calls), and its local derivative rule — or, explicitly, why it
/// has none (<see cref="NoDerivative"/>). Exactly one of <see cref="Derivative"/> and <see cref="NoDerivative"/> is set.
/// </summary>
internal sealed class UnaryIntrinsic
{
    public UnaryIntrinsic(UnaryOp op, IntrinsicSource source, string name, Func<string, string> print, UnaryDerivative? derivative, string? noDerivative)
    {
        Op = op;
        Source = source;
        Name = name;
        Print = print;
        Derivative = derivative;
        NoDerivative = noDerivative;
        Stem = op.ToString().ToLowerInvariant();
    }

    public UnaryOp Op { get; }

    /// <summary>The stem of a generated local holding the op's value (<c>exp</c> → <c>exp12</c>, <c>expSigma</c>).</summary>
    public string Stem { get; private set; }

    /// <summary>The op on a constant, folded by the IR builder when the result is finite; null when it is left to the runtime (special functions).</summary>
    public Func<double, double>? Fold { get; private set; }

    internal UnaryIntrinsic Folding(Func<double, double> fold)
    {
        Fold = fold;
        return this;
    }

    internal UnaryIntrinsic Named(string stem)
    {
        Stem = stem;
        return this;
    }

    public IntrinsicSource Source { get; }

    /// <summary>The method name (Math/Functions/Internal) or the operator token.</summary>
    public string Name { get; }

    /// <summary>The C# expression for the op applied to an already-printed operand.</summary>
    public Func<string, string> Print { get; }

    public UnaryDerivative? Derivative { get; }

    /// <summary>Why the op has no derivative rule (a bool op; a rule the differentiator never reaches).</summary>
    public string? NoDerivative { get; }
}

/// <summary>One binary operation: as <see cref="UnaryIntrinsic"/>.</summary>
internal sealed class BinaryIntrinsic
{
    public BinaryIntrinsic(BinaryOp op, IntrinsicSource source, string name, Func<string, string, string> print, BinaryDerivative? derivative, string? noDerivative)
    {
        Op = op;
        Source = source;
        Name = name;
        Print = print;
        Derivative = derivative;
        NoDerivative = noDerivative;
    }

    public BinaryOp Op { get; }

    /// <summary>The stem of a generated local holding the op's value (<c>prod31</c>); <c>t</c> for the rest.</summary>
    public string Stem { get; private set; } = "t";

    /// <summary>The op on two constants, folded by the IR builder when the result is finite; null when it is not folded.</summary>
    public Func<double, double, double>? Fold { get; private set; }

    internal BinaryIntrinsic Folding(Func<double, double, double> fold)
    {
        Fold = fold;
        return this;
    }

    internal BinaryIntrinsic Named(string stem)
    {
        Stem = stem;
        return this;
    }

    /// <summary>
    /// True for a costly op worth a table over the counts of a chunk when its first operand is an <c>int[]</c> data
    /// element of the observation's row and its second does not depend on the observation (see
    /// <see cref="Plan.CountTablePlan"/>): its value for each distinct count is computed once per chunk.
    /// </summary>
    public bool TabledOverCounts { get; private set; }

    internal BinaryIntrinsic TabledOverCount()
    {
        TabledOverCounts = true;
        return this;
    }

    public IntrinsicSource Source { get; }

    /// <summary>The method name (Math/Functions/Internal) or the operator token.</summary>
    public string Name { get; }

    /// <summary>The C# expression for the op applied to two already-printed operands.</summary>
    public Func<string, string, string> Print { get; }

    public BinaryDerivative? Derivative { get; }

    /// <summary>Why the op has no derivative rule.</summary>
    public string? NoDerivative { get; }
}

/// <summary>One ternary operation (an internal <c>MleGen.Functions</c> call): as <see cref="BinaryIntrinsic"/>.</summary>
internal sealed class TernaryIntrinsic
{
    public TernaryIntrinsic(TernaryOp op, string stem, TernaryDerivative? derivative, string? noDerivative)
    {
        Op = op;
        Name = op.ToString();
        Stem = stem;
        Derivative = derivative;
        NoDerivative = noDerivative;
    }

    public TernaryOp Op { get; }

    /// <summary>The <c>MleGen.Functions</c> method name.</summary>
    public string Name { get; }

    /// <summary>The stem of a generated local holding the op's value.</summary>
    public string Stem { get; }

    /// <summary>The C# expression for the op applied to three already-printed operands.</summary>
    public string Print(string x, string y, string z) => IntrinsicRegistry.FunctionsType + "." + Name + "(" + x + ", " + y + ", " + z + ")";

    /// <summary>The derivatives in the first two arguments (the third is data).</summary>
    public TernaryDerivative? Derivative { get; }

    /// <summary>Why the op has no derivative rule.</summary>
    public string? NoDerivative { get; }
}
