using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Emit;

/// <summary>
/// Emits the prior members of <c>IMleModel</c>: the smooth negative log prior with its gradient and
/// Hessian (elementwise over each parameter member, through <c>MleGen.PriorTerms</c>) and the L1 part
/// (<c>[L1]</c>, <c>[LaplacePrior]</c>, the L1 share of <c>[ElasticNet]</c>) for OWL-QN.
/// </summary>
internal static class PriorEmitter
{
    public static void Emit(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        bool any = model.Parameters.Any(p => p.Priors.Count > 0);
        // The smooth part (with g and h) exists only where some prior has one: an L1-only model has none.
        bool smooth = model.Parameters.Any(p => p.Priors.Any(prior => Call(prior) is not null));
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        w.Line("bool " + ModelSurface.Model + "HasPrior => " + (any ? "true" : "false") + ";");
        w.Line();

        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("double " + ModelSurface.Model + "NegativeLogPrior(global::System.ReadOnlySpan<double> theta, global::System.Span<double> gradient)"))
        {
            w.Line("__RequireLength(theta.Length, nameof(theta));");
            w.Line("if (!gradient.IsEmpty) __RequireLength(gradient.Length, nameof(gradient));");
            w.Line("double total = 0d;");
            if (smooth)
            {
                ParameterPreamble.Offsets(w, model);
                w.Line("double g, h;");
                EachPrior(w, model, call => new[]
                {
                    "total += " + call + ";",
                    "if (!gradient.IsEmpty) gradient[k] += g;",
                });
            }

            w.Line("return total;");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("void " + ModelSurface.Model + "NegativeLogPriorHessian(global::System.ReadOnlySpan<double> theta, global::System.Span<double> hessian)"))
        {
            w.Line("__RequireLength(theta.Length, nameof(theta));");
            w.Line("int p = theta.Length;");
            w.Line("if (hessian.Length != p * p) throw new global::System.ArgumentException(\"hessian must have p·p elements.\", nameof(hessian));");
            if (smooth)
            {
                ParameterPreamble.Offsets(w, model);
                w.Line("double g, h;");
                EachPrior(w, model, call => new[] { call + ";", "hessian[k * p + k] += h;" });
            }
        }

        w.Line();
        EmitL1(w, model, generatedCode);
    }

    private static void EachPrior(IndentedWriter w, ModelSpec model, System.Func<string, string[]> body)
    {
        foreach (var p in model.Parameters)
        {
            var calls = p.Priors.Select(Call).Where(c => c is not null).ToList();
            if (calls.Count == 0)
            {
                continue;
            }

            string offset = MemberAccess.OffsetLocal(p.Name);
            using (w.Block("for (int k = " + offset + "; k < " + offset + " + " + ParameterPreamble.Size(p) + "; k++)"))
            {
                foreach (var call in calls)
                {
                    foreach (var line in body(call!))
                    {
                        w.Line(line);
                    }
                }
            }
        }
    }

    /// <summary>The smooth part's call for one prior, or null when it has none.</summary>
    private static string? Call(PriorSpec prior)
    {
        const string Terms = "global::MleGen.PriorTerms";
        string a = Literals.Double(prior.First), b = Literals.Double(prior.Second);
        return prior.Kind switch
        {
            PriorKind.Normal => Terms + ".Normal(theta[k], " + a + ", " + b + ", out g, out h)",
            PriorKind.Laplace => Terms + ".LaplaceConstant(" + b + ", out g, out h)",
            PriorKind.Cauchy => Terms + ".Cauchy(theta[k], " + a + ", " + b + ", out g, out h)",
            PriorKind.HalfNormal => Terms + ".HalfNormal(theta[k], " + a + ", out g, out h)",
            PriorKind.Gamma => Terms + ".Gamma(theta[k], " + a + ", " + b + ", out g, out h)",
            PriorKind.L2 => Terms + ".Ridge(theta[k], " + a + ", out g, out h)",
            PriorKind.ElasticNet => Terms + ".Ridge(theta[k], " + Literals.Double(prior.First * (1 - prior.Second)) + ", out g, out h)",
            _ => null,
        };
    }

    private static void EmitL1(IndentedWriter w, ModelSpec model, string generatedCode)
    {
        w.Line("/// <inheritdoc />");
        w.Line(generatedCode);
        using (w.Block("global::MleGen.L1Penalty " + ModelSurface.Model + "GetL1Penalty(int index)"))
        {
            var penalized = new List<(ParamMemberSpec Param, double Weight, double Center)>();
            foreach (var p in model.Parameters)
            {
                double weight = 0, center = 0;
                foreach (var prior in p.Priors)
                {
                    switch (prior.Kind)
                    {
                        case PriorKind.L1: weight += prior.First; break;
                        case PriorKind.ElasticNet: weight += prior.First * prior.Second; break;
                        case PriorKind.Laplace: weight += 1 / prior.Second; center = prior.First; break;
                    }
                }

                if (weight > 0)
                {
                    penalized.Add((p, weight, center));
                }
            }

            if (penalized.Count > 0)
            {
                ParameterPreamble.Offsets(w, model);
                foreach (var (p, weight, center) in penalized)
                {
                    string offset = MemberAccess.OffsetLocal(p.Name);
                    w.Line("if (index >= " + offset + " && index < " + offset + " + " + ParameterPreamble.Size(p) + ") return new global::MleGen.L1Penalty(" + Literals.Double(weight) + ", " + Literals.Double(center) + ");");
                }
            }

            w.Line("return default;");
        }

        w.Line();
    }
}
