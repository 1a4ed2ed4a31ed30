using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Description;

/// <summary>
/// A model that is a generalized linear model as R's <c>glm</c> (or <c>MASS::glm.nb</c>) fits it: one
/// unweighted likelihood term of a GLM family whose mean is the inverse link of a linear predictor, every
/// other parameter being the family's dispersion (a bare scalar <c>[Param]</c>), no priors.
/// </summary>
/// <param name="Family">The runtime's <c>GlmFamily</c> member name.</param>
/// <param name="Link">The runtime's <c>GlmLink</c> member name.</param>
/// <param name="Trials">The <c>int[]</c> data member of a binomial's trials, or null (Bernoulli: 1).</param>
/// <param name="ScalarIntercept">True when a scalar parameter is added to the linear predictor as is.</param>
/// <param name="DesignMatrix">The data matrix of a <c>Dot(beta, X, i)</c> term (an intercept when it has a column of ones), or null.</param>
/// <param name="HasOffset">True when the linear predictor adds a term of data alone (an offset).</param>
/// <param name="Dispersion">The display name of the dispersion parameter (a Normal's sd, a NegativeBinomial's θ), or null.</param>
internal sealed record GlmShape(string Family, string Link, string? Trials, bool ScalarIntercept, string? DesignMatrix, bool HasOffset, string? Dispersion)
{
    /// <summary>The GLM shape of <paramref name="model"/>, or null when it is not one.</summary>
    public static GlmShape? Of(ModelSpec model)
    {
        if (model.Likelihoods.Count != 1 || model.Likelihoods[0].Weights is not null || model.Parameters.Any(p => p.Priors.Count > 0)
            || !Parsing.Limits.IsSmallAsTree(model))
        {
            return null;
        }

        var term = model.Likelihoods[0];
        var args = term.Arguments;
        (string family, string link, ExprSpec? eta, ExprSpec? dispersion, ExprSpec? trials) = term.Family switch
        {
            FamilyKind.PoissonLog => ("Poisson", "Log", args[0], null, null),
            FamilyKind.Poisson when args[0] is UnarySpec { Op: UnaryOp.Exp } exp => ("Poisson", "Log", exp.Operand, null, null),
            FamilyKind.BernoulliLogit => ("Binomial", "Logit", args[0], null, null),
            FamilyKind.Bernoulli when args[0] is UnarySpec { Op: UnaryOp.Logistic } logistic => ("Binomial", "Logit", logistic.Operand, null, null),
            FamilyKind.BernoulliProbit => ("Binomial", "Probit", args[0], null, null),
            FamilyKind.BinomialLogit => ("Binomial", "Logit", args[1], null, args[0]),
            FamilyKind.Normal => ("Gaussian", "Identity", args[0], args[1], null),
            FamilyKind.NegativeBinomial when args[0] is UnarySpec { Op: UnaryOp.Exp } exp => ("NegativeBinomial", "Log", exp.Operand, args[1], null),
            _ => ((string, string, ExprSpec?, ExprSpec?, ExprSpec?))default,
        };
        if (eta is null)
        {
            return null;
        }

        string? trialsMember = null;
        if (trials is not null)
        {
            if (trials is not DataReadSpec { Indices.Count: 1 } read || read.Indices[0] is not ObservationIndexSpec)
            {
                return null;
            }

            trialsMember = read.Member;
        }

        string? dispersionMember = null;
        if (dispersion is not null)
        {
            if (dispersion is not ParamReadSpec { Indices.Count: 0 } sd)
            {
                return null;
            }

            dispersionMember = sd.Member;
        }

        var predictor = new LinearPredictor();
        if (!predictor.Add(eta, model))
        {
            return null;
        }

        // Every parameter is in the linear predictor or is the dispersion, never both.
        var linear = predictor.Parameters;
        if (dispersionMember is not null && linear.Contains(dispersionMember))
        {
            return null;
        }

        if (model.Parameters.Any(p => p.Name != dispersionMember && !linear.Contains(p.Name)))
        {
            return null;
        }

        string? dispersionName = dispersionMember is null ? null : model.Parameters.First(p => p.Name == dispersionMember).DisplayName;
        return new GlmShape(family, link, trialsMember, predictor.ScalarIntercept, predictor.DesignMatrix, predictor.HasOffset, dispersionName);
    }

    /// <summary>Reads a linear predictor: a sum of scalar parameters, data-times-parameter products, <c>Dot(beta, X, i)</c> and data-only offsets.</summary>
    private sealed class LinearPredictor
    {
        public HashSet<string> Parameters { get; } = new(System.StringComparer.Ordinal);

        public bool ScalarIntercept { get; private set; }

        public string? DesignMatrix { get; private set; }

        public bool HasOffset { get; private set; }

        /// <summary>Adds the additive term <paramref name="e"/>; false when it is not linear in the parameters.</summary>
        public bool Add(ExprSpec e, ModelSpec model)
        {
            switch (e)
            {
                case BinarySpec { Op: BinaryOp.Add } sum:
                    return Add(sum.Left, model) && Add(sum.Right, model);
                case BinarySpec { Op: BinaryOp.Subtract } difference:
                    return Add(difference.Left, model) && Scaled(difference.Right);
                case ParamReadSpec { Indices.Count: 0 } scalar:
                    Parameters.Add(scalar.Member);
                    ScalarIntercept = true;
                    return true;
                case ReductionSpec { Kind: ReductionKind.Sum } dot when IsDot(dot, out string? beta, out string? x):
                    Parameters.Add(beta!);
                    DesignMatrix ??= x;
                    return DesignMatrix == x;
                default:
                    if (!ReadsParameters(e))
                    {
                        HasOffset |= e is not ConstantSpec { Value: 0 };
                        return true;
                    }

                    return Scaled(e);
            }
        }

        /// <summary>A term data × (linear in parameters), or a negated one: linear, but no intercept.</summary>
        private bool Scaled(ExprSpec e)
        {
            switch (e)
            {
                case UnarySpec { Op: UnaryOp.Negate } negate:
                    return Scaled(negate.Operand);
                case BinarySpec { Op: BinaryOp.Multiply } product when !ReadsParameters(product.Left):
                    return Scaled(product.Right);
                case BinarySpec { Op: BinaryOp.Multiply } product when !ReadsParameters(product.Right):
                    return Scaled(product.Left);
                case BinarySpec { Op: BinaryOp.Divide } quotient when !ReadsParameters(quotient.Right):
                    return Scaled(quotient.Left);
                case BinarySpec { Op: BinaryOp.Add or BinaryOp.Subtract } sum:
                    return Scaled(sum.Left) && Scaled(sum.Right);
                case ParamReadSpec read when read.Indices.All(i => !ReadsParameters(i)):
                    Parameters.Add(read.Member);
                    return true;
                case ReductionSpec { Kind: ReductionKind.Sum } reduction when !ReadsParameters(reduction.Count):
                    return Scaled(reduction.Body);
                default:
                    if (!ReadsParameters(e))
                    {
                        HasOffset = true;
                        return true;
                    }

                    return false;
            }
        }

        private static bool IsDot(ReductionSpec sum, out string? beta, out string? x)
        {
            beta = x = null;
            if (sum.Body is BinarySpec { Op: BinaryOp.Multiply, Left: ParamReadSpec { Indices.Count: 1 } b, Right: DataReadSpec { Indices.Count: 2 } d }
                && b.Indices[0] is VariableSpec v && v.Name == sum.Variable
                && d.Indices[0] is ObservationIndexSpec && d.Indices[1] is VariableSpec w && w.Name == sum.Variable)
            {
                beta = b.Member;
                x = d.Member;
                return true;
            }

            return false;
        }
    }

    /// <summary>True when <paramref name="e"/> reads a parameter anywhere.</summary>
    internal static bool ReadsParameters(ExprSpec e) => e switch
    {
        ParamReadSpec => true,
        MemberVectorSpec vector => vector.IsParameter,
        DataReadSpec read => read.Indices.Any(ReadsParameters),
        ConvertSpec convert => ReadsParameters(convert.Operand),
        UnarySpec unary => ReadsParameters(unary.Operand),
        BinarySpec binary => ReadsParameters(binary.Left) || ReadsParameters(binary.Right),
        ConditionalSpec conditional => ReadsParameters(conditional.Condition) || ReadsParameters(conditional.WhenTrue) || ReadsParameters(conditional.WhenFalse),
        ReductionSpec reduction => ReadsParameters(reduction.Count) || ReadsParameters(reduction.Body),
        LambdaSpec lambda => ReadsParameters(lambda.Body),
        _ => false,
    };
}
