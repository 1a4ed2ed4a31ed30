using MleGen.Generators.Common;
using MleGen.Generators.Intrinsics;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Differentiation;

/// <summary>
/// ∂node/∂child for every differentiable node kind, as IR. The rules of the unary and binary ops live in
/// <see cref="IntrinsicRegistry"/>; an op without one (a bool or int op, a rule the differentiator never needs) is an
/// <see cref="InternalErrorException"/> here, never a silent 0.
/// </summary>
internal static class LocalDerivatives
{
    /// <summary>The partial derivative of <paramref name="node"/> with respect to its child number <paramref name="index"/>.</summary>
    /// <exception cref="InternalErrorException">The node kind or op has no derivative with respect to that child.</exception>
    public static Node Partial(IrBuilder b, Node node, int index)
    {
        var c = node.Children;
        switch (node.Kind)
        {
            case NodeKind.Unary:
            {
                var intrinsic = IntrinsicRegistry.Get(node.UnaryOp);
                return intrinsic.Derivative is { } rule
                    ? rule(b, node, c[0])
                    : throw new InternalErrorException("no derivative of " + node.UnaryOp + ": " + intrinsic.NoDerivative);
            }

            case NodeKind.Binary:
            {
                var intrinsic = IntrinsicRegistry.Get(node.BinaryOp);
                return intrinsic.Derivative is { } rule
                    ? rule(b, node, c[0], c[1], index)
                    : throw new InternalErrorException("no derivative of " + node.BinaryOp + ": " + intrinsic.NoDerivative);
            }

            case NodeKind.Ternary:
            {
                var intrinsic = IntrinsicRegistry.Get(node.TernaryOp);
                return intrinsic.Derivative is { } rule && index < 2
                    ? rule(b, node, c[0], c[1], c[2], index)
                    : throw new InternalErrorException("no derivative of " + node.TernaryOp + " with respect to its argument " + index + ": "
                        + (intrinsic.NoDerivative ?? "the point x is data"));
            }

            case NodeKind.Conditional when index > 0:
                return index == 1 ? b.Conditional(c[0], b.Constant(1), b.Constant(0)) : b.Conditional(c[0], b.Constant(0), b.Constant(1));

            case NodeKind.Reduce when index == 1:
                // Sum: 1 per term; log-sum-exp: the softmax weight exp(termⱼ − total).
                return node.Reduction switch
                {
                    ReductionKind.Sum => b.Constant(1),
                    ReductionKind.LogSumExp => b.Exp(b.Subtract(node.Body, node)),
                    var other => throw new InternalErrorException("no derivative of the reduction " + other),
                };

            default:
                // A condition, a count, an index or a conversion never depends on θ: asking is a bug.
                throw new InternalErrorException("no derivative of a " + node.Kind + " node with respect to its child " + index);
        }
    }
}
