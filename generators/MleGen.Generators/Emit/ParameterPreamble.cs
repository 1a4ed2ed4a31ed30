using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>The locals at the top of a generated method: θ offsets, parameter views of θ and gradient accumulators.</summary>
internal static class ParameterPreamble
{
    /// <summary><c>int o_A = 0; int o_B = o_A + 1; …</c>: where each member starts in θ.</summary>
    public static void Offsets(IndentedWriter w, ModelSpec model)
    {
        string previous = "0";
        foreach (var p in model.Parameters)
        {
            w.Line("int " + MemberAccess.OffsetLocal(p.Name) + " = " + previous + ";");
            previous = MemberAccess.OffsetLocal(p.Name) + " + " + Size(p);
        }
    }

    /// <summary>The number of scalars a parameter member holds, as C#.</summary>
    public static string Size(ParamMemberSpec p) => p.Shape == ParamShape.Scalar ? "1" : "this." + Identifiers.Escape(p.Name) + ".Length";

    /// <summary>The total parameter count, as C#.</summary>
    public static string Count(ModelSpec model)
    {
        if (model.Parameters.Count == 0)
        {
            return "0";
        }

        var parts = new List<string>();
        foreach (var p in model.Parameters)
        {
            parts.Add(Size(p));
        }

        return string.Join(" + ", parts);
    }

    /// <summary>Views of θ per member: <c>double p_Sigma = theta[o_Sigma];</c>, <c>ReadOnlySpan&lt;double&gt; p_Beta = theta.Slice(…)</c>.</summary>
    public static void ParameterViews(IndentedWriter w, ModelSpec model, string theta = "theta")
    {
        foreach (var p in model.Parameters)
        {
            string local = MemberAccess.ParameterLocal(p.Name);
            string offset = MemberAccess.OffsetLocal(p.Name);
            if (p.Shape == ParamShape.Scalar)
            {
                w.Line("double " + local + " = " + theta + "[" + offset + "];");
                continue;
            }

            w.Line("global::System.ReadOnlySpan<double> " + local + " = " + theta + ".Slice(" + offset + ", " + Size(p) + ");");
            if (p.Shape == ParamShape.Matrix)
            {
                w.Line("int " + MemberAccess.ColumnsLocal(p.Name) + " = this." + Identifiers.Escape(p.Name) + ".GetLength(1);");
            }
        }
    }

    /// <summary>Gradient accumulators: a local per scalar member, a span per array member.</summary>
    public static void GradientViews(IndentedWriter w, ModelSpec model, string gradient = "gradient")
    {
        foreach (var p in model.Parameters)
        {
            string local = MemberAccess.GradientLocal(p.Name);
            w.Line(p.Shape == ParamShape.Scalar
                ? "double " + local + " = 0d;"
                : "global::System.Span<double> " + local + " = " + gradient + ".Slice(" + MemberAccess.OffsetLocal(p.Name) + ", " + Size(p) + ");");
        }
    }

    /// <summary>Adds the scalar accumulators into the gradient span.</summary>
    public static void FlushGradient(IndentedWriter w, ModelSpec model, string gradient = "gradient")
    {
        foreach (var p in model.Parameters)
        {
            if (p.Shape == ParamShape.Scalar)
            {
                w.Line(gradient + "[" + MemberAccess.OffsetLocal(p.Name) + "] += " + MemberAccess.GradientLocal(p.Name) + ";");
            }
        }
    }
}
