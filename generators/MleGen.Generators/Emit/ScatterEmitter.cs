using System;
using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Ir;

namespace MleGen.Generators.Emit;

/// <summary>One accumulation statement run for every value of <see cref="Loops"/>: e.g. <c>g_Beta[j] += adjoint</c>.</summary>
/// <param name="Loops">The lambda variables the statement ranges over.</param>
/// <param name="Inputs">The nodes the statement prints.</param>
/// <param name="Statement">Builds the statement's text from a printer of nodes.</param>
internal sealed record ScatterItem(VariableSet Loops, IReadOnlyList<Node> Inputs, Func<Func<Node, string>, string> Statement)
{
    /// <summary>A condition the statement runs under (its parameter read is only valid there), or null.</summary>
    public Node? Guard { get; init; }

    /// <summary>Two of <see cref="Loops"/>: the statement runs only where <c>Low ≤ High</c> (an entry on or above a matrix's diagonal), or null.</summary>
    public (int Low, int High)? Triangle { get; init; }
}

/// <summary>Emits accumulation statements grouped by the loops they need, one loop nest per group.</summary>
internal static class ScatterEmitter
{
    /// <summary>The items' guards (they read data too).</summary>
    public static IEnumerable<Node> Guards(IEnumerable<ScatterItem> items) =>
        items.Where(item => item.Guard is not null).Select(item => item.Guard!);

    public static void Emit(BlockEmitter emitter, IrBuilder builder, IReadOnlyList<ScatterItem> items, EmitScope scope)
    {
        foreach (var group in items.GroupBy(item => item.Loops).OrderBy(g => g.Key.ToArray().Length))
        {
            var inputs = group.SelectMany(item => item.Guard is null ? item.Inputs : item.Inputs.Append(item.Guard)).ToList();
            var loops = group.Key.ToArray().Except(scope.Bound.ToArray())
                .OrderBy(v => builder.Variables[v].Depth).ThenBy(v => v).ToArray();

            // When every statement of the nest has the same triangle its loops run over it; otherwise
            // (one nest shares the work of its statements) each statement checks its own.
            var triangle = group.Select(item => item.Triangle).Distinct().Count() == 1 ? group.First().Triangle : null;
            bool triangleInLoops = false;
            var inner = scope;
            foreach (int variable in loops)
            {
                // A triangle restricts the second of its two loops: High starts at Low, or Low stops at High.
                if (triangle is { } t && variable == t.High && inner.Bound.Contains(t.Low) && loops.Contains(t.Low))
                {
                    emitter.OpenLoop(variable, start: emitter.Print(builder.Variable(t.Low)));
                    triangleInLoops = true;
                }
                else if (triangle is { } u && variable == u.Low && inner.Bound.Contains(u.High) && loops.Contains(u.High))
                {
                    emitter.OpenLoop(variable, inclusiveLimit: emitter.Print(builder.Variable(u.High)));
                    triangleInLoops = true;
                }
                else
                {
                    emitter.OpenLoop(variable);
                }

                inner = inner.With(variable);
                emitter.Emit(inputs, inner);
            }

            if (loops.Length == 0)
            {
                emitter.Emit(inputs, inner);
            }

            foreach (var item in group)
            {
                string statement = item.Statement(emitter.Print);
                string condition = item.Triangle is { } c && !triangleInLoops
                    ? "if (" + emitter.Print(builder.Variable(c.Low)) + " <= " + emitter.Print(builder.Variable(c.High)) + ") "
                    : "";
                emitter.Writer.Line(condition + (item.Guard is null ? statement : "if (" + emitter.Print(item.Guard) + ") " + statement));
            }

            for (int k = 0; k < loops.Length; k++)
            {
                emitter.CloseLoop();
            }
        }
    }
}
