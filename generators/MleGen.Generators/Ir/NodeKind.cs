namespace MleGen.Generators.Ir;

/// <summary>The kinds of IR nodes.</summary>
internal enum NodeKind
{
    /// <summary>A literal (<see cref="Node.Value"/>).</summary>
    Constant,

    /// <summary>The observation index <c>i</c>.</summary>
    ObservationIndex,

    /// <summary>A lambda index bound by a <see cref="Reduce"/> (<see cref="Node.Variable"/>).</summary>
    Variable,

    /// <summary>A read of a data member (<see cref="Node.Member"/>), children are the indices.</summary>
    Data,

    /// <summary>A read of a parameter member from θ (<see cref="Node.Member"/>), children are the indices.</summary>
    Param,

    /// <summary><c>Member.Length</c> (<see cref="Node.Dimension"/> = −1) or <c>Member.GetLength(d)</c>.</summary>
    Length,

    /// <summary>An int or bool → double conversion.</summary>
    Convert,

    /// <summary>A unary operator or intrinsic (<see cref="Node.UnaryOp"/>).</summary>
    Unary,

    /// <summary>A binary operator or intrinsic (<see cref="Node.BinaryOp"/>).</summary>
    Binary,

    /// <summary><c>c ? a : b</c>; the condition never depends on θ.</summary>
    Conditional,

    /// <summary>A reduction (<see cref="Node.Reduction"/>) over <see cref="Node.Variable"/> = 0 … count−1; children are count and body.</summary>
    Reduce,

    /// <summary>A three-argument intrinsic (<see cref="Node.TernaryOp"/>).</summary>
    Ternary,
}
