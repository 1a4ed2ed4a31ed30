using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Differentiation;
using MleGen.Generators.Ir;
using MleGen.Generators.Plan;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits the explicit <c>IDerivedQuantities</c> implementation of a model with <c>[Derived]</c> properties: per quantity,
/// its value at θ and its exact gradient ∂g/∂θ (reverse mode over the same IR as the likelihood), which the fitter
/// turns into a delta-method standard error.
/// </summary>
internal static class DerivedEmitter
{
    public const string Interface = "global::MleGen.IDerivedQuantities";

    public static string Method(int index) => "__Derived" + index.ToString(System.Globalization.NumberFormatInfo.InvariantInfo);

    public static void Emit(IndentedWriter w, ModelPlan plan, MemberAccess members, string generatedCode)
    {
        var model = plan.Ir;
        var spec = model.Spec;
        var derived = spec.Derived;
        w.Line(generatedCode);
        w.Line("int " + Interface + ".DerivedCount => " + derived.Count + ";");
        w.Line();
        w.Line(generatedCode);
        using (w.Block("string " + Interface + ".GetDerivedName(int index)"))
        {
            using (w.Block("switch (index)"))
            {
                for (int k = 0; k < derived.Count; k++)
                {
                    w.Line("case " + k + ": return " + Literals.String(derived[k].Name) + ";");
                }

                w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"The model has " + derived.Count + " derived quantities.\");");
            }
        }

        w.Line();
        w.Line(generatedCode);
        using (w.Block("double " + Interface + ".EvaluateDerived(int index, global::System.ReadOnlySpan<double> theta, global::System.Span<double> gradient)"))
        {
            w.Line("__RequireLength(theta.Length, nameof(theta));");
            w.Line("__RequireLength(gradient.Length, nameof(gradient));");
            w.Line("gradient.Clear();");
            using (w.Block("switch (index)"))
            {
                for (int k = 0; k < derived.Count; k++)
                {
                    w.Line("case " + k + ": return " + Method(k) + "(theta, gradient);");
                }

                w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index), index, \"The model has " + derived.Count + " derived quantities.\");");
            }
        }

        w.Line();
        var b = model.Builder;
        for (int k = 0; k < derived.Count; k++)
        {
            var root = plan.Derived[k].Root;
            var items = plan.Derived[k].Gradient.Select(c => Item(c, members)).ToList();
            var roots = new List<Node> { root };
            roots.AddRange(items.SelectMany(item => item.Inputs));
            var reads = roots.Concat(ScatterEmitter.Guards(items)).ToList();
            w.Line("/// <summary>The derived quantity <c>" + derived[k].Name + "</c> at θ, adding its gradient into <paramref name=\"gradient\"/>.</summary>");
            using (w.Block("private double " + Method(k) + "(global::System.ReadOnlySpan<double> theta, global::System.Span<double> gradient)"))
            {
                ParameterPreamble.Offsets(w, spec);
                ParameterPreamble.ParameterViews(w, spec);
                ParameterPreamble.GradientViews(w, spec);
                DataPreamble.Locals(w, members, b, reads);
                var emitter = new BlockEmitter(w, new ExpressionPrinter(members, b.Variables), b, roots);
                emitter.Emit(roots, EmitScope.Method);
                emitter.EmitTables(roots);
                w.Line("double value = " + emitter.Print(root) + ";");
                ScatterEmitter.Emit(emitter, b, items, EmitScope.Method);
                ParameterPreamble.FlushGradient(w, spec);
                w.Line("return value;");
            }

            w.Line();
        }
    }

    /// <summary><c>g_Rate += adjoint</c> for one parameter read.</summary>
    private static ScatterItem Item(GradientContribution c, MemberAccess members)
    {
        var inputs = new List<Node> { c.Adjoint };
        inputs.AddRange(c.Parameter.Children);
        return new ScatterItem(c.Parameter.FreeVariables, inputs, print =>
            members.Gradient(c.Parameter.Member, c.Parameter.Children.Select(print).ToArray()) + " += " + print(c.Adjoint) + ";")
        {
            Guard = c.Guard,
        };
    }
}
