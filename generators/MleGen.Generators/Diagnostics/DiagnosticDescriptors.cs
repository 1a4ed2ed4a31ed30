using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Diagnostics;

/// <summary>The descriptors of the MleGen compile-time diagnostics; every message names the offending member or construct.</summary>
internal static class DiagnosticDescriptors
{
    private const string Usage = "MleGen.Usage";
    private const string Design = "MleGen.Design";
    private const string Statistics = "MleGen.Statistics";

    /// <summary>The supported expression subset, quoted by MLE0008.</summary>
    internal static readonly string SupportedSubset =
        "literals, data and parameters, + - * /, " + Intrinsics.IntrinsicRegistry.MathList + ", the MleGen.Functions helpers, helper methods of the model, ?: on data and indices";

    public static readonly DiagnosticDescriptor ModelNotPartial = Create(
        DiagnosticIds.ModelNotPartial,
        Usage,
        "Model type must be partial",
        "The type '{0}' must be declared partial, because MleGen generates the other half of the model '{1}'",
        "A [Model] class and every type that contains it must be declared partial so the generator can add the compiled likelihood to it.");

    public static readonly DiagnosticDescriptor GenericModel = Create(
        DiagnosticIds.GenericModel,
        Usage,
        "Generic models are not supported",
        "The model '{0}' is generic or nested in a generic type, which MleGen does not support",
        "The generator specializes code for one concrete model; type parameters on the model or on a containing type are not supported.");

    public static readonly DiagnosticDescriptor UnsupportedDataType = Create(
        DiagnosticIds.UnsupportedDataType,
        Usage,
        "Unsupported [Data] member",
        "The [Data] member '{0}' has type '{1}'; supported: a readable field or property of type double, int, double[], int[], bool[] or double[,]",
        "Data members must be readable fields or properties of one of the supported numeric shapes.");

    public static readonly DiagnosticDescriptor InvalidParam = Create(
        DiagnosticIds.InvalidParam,
        Usage,
        "Invalid [Param] member",
        "The [Param] member '{0}' is invalid: {1}",
        "Parameters must be writable fields or properties (public or private) of type double, double[] or double[,]; Simplex applies only to double[]; a lower bound must be below the upper bound; two parameters cannot be reported under the same name.");

    public static readonly DiagnosticDescriptor InvalidNamesMember = Create(
        DiagnosticIds.InvalidNamesMember,
        Usage,
        "Invalid Names member of a [Param]",
        "The Names member '{0}' of the [Param] '{1}' is invalid: {2}",
        "Names = nameof(Columns) on a double[] parameter names its elements after a string[] field or property of the model, one name per element.");

    public static readonly DiagnosticDescriptor InvalidLikelihoodShape = Create(
        DiagnosticIds.InvalidLikelihoodShape,
        Usage,
        "Invalid [Likelihood] method",
        "The [Likelihood] method '{0}' is invalid: {1}",
        "A [Likelihood] method takes exactly one int parameter (the observation index), is not generic, returns an observation family and its body returns 'new Family(...)' or 'CategoricalLogits.Of(K, k => ...)', optionally after var declarations.");

    public static readonly DiagnosticDescriptor InvalidObservedMember = Create(
        DiagnosticIds.InvalidObservedMember,
        Usage,
        "Observed member must be a [Data] array",
        "The observed member '{0}' of the likelihood '{1}' must be a [Data] member of type double[], int[] or bool[]",
        "The first argument of [Likelihood] names the data array whose elements are the observations; use nameof.");

    public static readonly DiagnosticDescriptor InvalidWeightsMember = Create(
        DiagnosticIds.InvalidWeightsMember,
        Usage,
        "Weights member must be a [Data] double[]",
        "The weights member '{0}' of the likelihood '{1}' must be a [Data] member of type double[]",
        "Weights multiply each observation's log-likelihood term and must be a data vector of doubles; use nameof.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        DiagnosticIds.UnsupportedConstruct,
        Design,
        "Unsupported construct in a model expression",
        "'{0}' is not supported in a model expression; supported: " + SupportedSubset,
        "The generator differentiates a small expression language; anything outside it cannot be compiled into exact derivatives.");

    public static readonly DiagnosticDescriptor ParameterInCondition = Create(
        DiagnosticIds.ParameterInCondition,
        Design,
        "Parameter in a ?: condition",
        "The condition '{0}' reads a parameter; a ?: condition may only read data, constants and indices",
        "A condition on a parameter makes the likelihood discontinuous in the parameter, so its derivatives do not exist where the branch flips.");

    public static readonly DiagnosticDescriptor RecursiveHelper = Create(
        DiagnosticIds.RecursiveHelper,
        Design,
        "Recursive helper method",
        "The helper method '{0}' calls itself, directly or indirectly, and cannot be inlined",
        "Helper methods are inlined into the likelihood, so they cannot be recursive.");

    public static readonly DiagnosticDescriptor NoLikelihood = Create(
        DiagnosticIds.NoLikelihood,
        Usage,
        "Model without a likelihood",
        "The model '{0}' has no [Likelihood] method",
        "A model needs at least one [Likelihood(nameof(Observed))] method, one term per observation.");

    public static readonly DiagnosticDescriptor StaticMember = Create(
        DiagnosticIds.StaticMember,
        Usage,
        "Static [Data] or [Param] member",
        "The {0} member '{1}' must not be static or const",
        "Data and parameters belong to a model instance; static or const members cannot be read or written per model.");

    public static readonly DiagnosticDescriptor MissingModelAttribute = Create(
        DiagnosticIds.MissingModelAttribute,
        Usage,
        "Model members in a type without [Model]",
        "The type '{0}' has a [{1}] member '{2}' but no [Model] attribute, so MleGen generates nothing for it",
        "[Data], [Param] and [Likelihood] describe a model only inside a [Model] class; without the attribute the class gets no likelihood, gradient or Fit().");

    public static readonly DiagnosticDescriptor InvalidFamilyArgument = Create(
        DiagnosticIds.InvalidFamilyArgument,
        Design,
        "Argument of the wrong kind",
        "The argument '{0}' of '{1}' must be {2}",
        "Some arguments must be whole members rather than expressions: the vectors of NormalMixture, and the vectors and matrix of Dot.");

    public static readonly DiagnosticDescriptor InvalidCensoringMember = Create(
        DiagnosticIds.InvalidCensoringMember,
        Usage,
        "Censoring member must be a [Data] bool[]",
        "The {0} member '{1}' of the likelihood '{2}' must be a [Data] member of type bool[]{3}",
        "RightCensored and LeftCensored name a data vector of flags, one per observation: true where the observation is censored; use nameof.");

    public static readonly DiagnosticDescriptor CensoringUnsupportedFamily = Create(
        DiagnosticIds.CensoringUnsupportedFamily,
        Design,
        "Family without a differentiable CDF cannot be censored",
        "The likelihood '{0}' returns {1}, which has no exact differentiable CDF for {2}; censoring is supported for " + Families.FamilyTable.CensorableFamilies,
        "A censored observation contributes log F(y) or log S(y); the generator needs that function and its derivatives in every parameter in closed form (or as a stable special function with known derivatives).");

    public static readonly DiagnosticDescriptor InvalidDerived = Create(
        DiagnosticIds.InvalidDerived,
        Usage,
        "Invalid [Derived] member",
        "The [Derived] member '{0}' is invalid: {1}",
        "A derived quantity is a non-static double property whose getter is one model-language expression of the parameters: 'double Name => expression;'.");

    public static readonly DiagnosticDescriptor InvalidLogLikelihoodTerm = Create(
        DiagnosticIds.InvalidLogLikelihoodTerm,
        Usage,
        "Invalid [LogLikelihood] term",
        "The [LogLikelihood] term '{0}' is invalid: {1}",
        "A custom log-likelihood term is a non-generic instance method returning double: '[LogLikelihood(nameof(Y))] double Term(int i) => …;' (one term per row of the [Data] array Y) or '[LogLikelihood] double Term() => …;' (one term), whose body is a model-language expression.");

    public static readonly DiagnosticDescriptor InvalidTruncationMember = Create(
        DiagnosticIds.InvalidTruncationMember,
        Usage,
        "Truncation bound must be a [Data] double or double[]",
        "The {0} member '{1}' of the likelihood '{2}' must be a [Data] member of type double or double[]",
        "TruncatedBelow and TruncatedAbove name the truncation point: one for all observations (double) or one per observation (double[]); use nameof.");

    public static readonly DiagnosticDescriptor TruncationUnsupportedFamily = Create(
        DiagnosticIds.TruncationUnsupportedFamily,
        Design,
        "Family cannot be truncated",
        "The likelihood '{0}' returns {1}, which cannot be {2}; supported: " + Families.FamilyTable.TruncatableFamilies,
        "A truncated density is renormalized by the probability of the allowed region, log P(L < Y ≤ U); the generator needs that probability and its derivatives in every parameter in closed form.");

    public static readonly DiagnosticDescriptor InternalError = Create(
        DiagnosticIds.InternalError,
        Design,
        "Internal error in MleGen",
        "Internal error in MleGen while compiling the model '{0}', please report: {1}",
        "The generator found an inconsistency in itself (a rule missing from one of its registries, an impossible case) while compiling this model. It generated no likelihood code for the model rather than code that could compute wrong numbers; the model's Fit() throws. Please report the model and this message.");

    // MLE01xx: statistical lint. Warnings: the model compiles, but maximum likelihood is likely to fail on it.

    public static readonly DiagnosticDescriptor ReservedMemberName = Create(
        DiagnosticIds.ReservedMemberName,
        Usage,
        "Member name reserved by MleGen",
        "The member '{0}' of the model '{1}' has a name MleGen generates ({2}); rename it",
        "The generated half of a model declares the public members Fit, Describe, ValidateData and EvaluationThreads (the other IMleModel members are explicit interface implementations) and private helpers whose names start with '__'; a user member of the same name would collide with or hide them.");

    public static readonly DiagnosticDescriptor UnsupportedModelType = Create(
        DiagnosticIds.UnsupportedModelType,
        Usage,
        "Model type of an unsupported kind",
        "The model '{0}' cannot be compiled: {1}",
        "A [Model] is a non-static, non-file-local partial class or record class: the generator adds an instance half to it in a file of its own.");

    public static readonly DiagnosticDescriptor InvalidConstantArgument = Create(
        DiagnosticIds.InvalidConstantArgument,
        Design,
        "Constant argument outside its domain",
        "The argument '{0}' of {1} is {2}, but it must be {3}",
        "Prior hyperparameters, penalty weights and constant family arguments that are compile-time constants are checked where they are written, instead of failing at run time (a negative standard deviation, a NaN location, an elastic-net mix above 1, an L1 penalty on a bounded parameter).");

    public static readonly DiagnosticDescriptor ModelTooLarge = Create(
        DiagnosticIds.ModelTooLarge,
        Design,
        "Model expression too deep or too large",
        "The expression '{0}' is too {1} for MleGen (limit {2}); compute it with a loop such as Sum or Dot, or share a helper's result in a local",
        "The generator parses, inlines and differentiates model expressions within fixed limits on nesting depth, size and loop variables, so that a model never overflows the compiler's stack or runs in unbounded time.");

    public static readonly DiagnosticDescriptor UnboundedScale = Create(
        DiagnosticIds.UnboundedScale,
        Statistics,
        "Scale parameter without a lower bound",
        "The parameter '{0}' is the {1} of {2} in '{3}' but has no lower bound of 0 or above; add Lower = 0",
        "A scale, standard deviation, rate, shape, dispersion or degrees of freedom must be positive. Without Lower = 0 the optimizer can step to a negative value, where the density is undefined (NaN) or the sign is simply unidentified; the bound makes the fit work on log θ.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CollapsibleMixture = Create(
        DiagnosticIds.CollapsibleMixture,
        Statistics,
        "Mixture standard deviations can collapse to 0",
        "The standard deviations '{0}' of the NormalMixture in '{1}' can reach 0, where the likelihood is unbounded; add a floor (Lower > 0) or a prior that vanishes at 0 such as [GammaPrior(2, 1)]",
        "A Gaussian mixture's likelihood is unbounded: a component centred on one observation has density growing like 1/σ as σ → 0, so the 'maximum' is a degenerate spike, not an estimate. A Gamma(shape ≥ 2) prior on the sds cancels the 1/σ and makes the MAP estimate finite.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusedParameter = Create(
        DiagnosticIds.UnusedParameter,
        Statistics,
        "Parameter that no likelihood term or prior reads",
        "The parameter '{0}' is read by no likelihood term and has no prior, so the data say nothing about it",
        "A parameter the likelihood does not depend on has a flat profile: its estimate stays at its start value, its information is zero and the covariance matrix is singular.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnidentifiableParameters = Create(
        DiagnosticIds.UnidentifiableParameters,
        Statistics,
        "Parameters that are not separately identifiable",
        "The parameters '{0}' and '{1}' only ever appear as their {2} in the likelihood, so the data identify the {2} but not each of them",
        "When two free parameters enter the likelihood only through one combination (a + b, a·b), every pair with the same combination has the same likelihood: the maximum is a ridge, the information matrix is singular and the standard errors are meaningless.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoReferenceClass = Create(
        DiagnosticIds.NoReferenceClass,
        Statistics,
        "Softmax logits without a reference class",
        "Every class of the CategoricalLogits in '{0}' has its own free parameters ('{1}'), with no reference class whose logit is 0 and no prior; adding one constant to every class's logit leaves the likelihood unchanged",
        "The softmax is invariant to adding the same constant to every logit, so with a free parameter per class the likelihood has a flat direction: the estimates are not unique and the information matrix is singular. Fix one class's logit at 0 (k == 0 ? 0 : …) or put a prior on the parameters.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ContinuousFamilyOnDiscreteData = Create(
        DiagnosticIds.ContinuousFamilyOnDiscreteData,
        Statistics,
        "Continuous family on count or binary data",
        "The likelihood '{0}' puts the continuous family {1} on '{2}', which is {3} data; use {4}",
        "A density for real numbers on integer or 0/1 observations is a mis-specified model: its log-likelihood is not comparable with a discrete model's, its variance does not follow the mean, and its predictions leave the support. Count data have Poisson or NegativeBinomial likelihoods, binary data Bernoulli.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnboundedProbability = Create(
        DiagnosticIds.UnboundedProbability,
        Statistics,
        "Probability not bounded to [0, 1]",
        "The probability of {0} in '{1}' is not bounded to [0, 1] by construction (an unbounded parameter or a linear predictor); use {2}, which takes the log-odds",
        "A probability written as a linear predictor leaves [0, 1] for some parameter values or rows, where the log-likelihood is undefined; the fit stalls or fails. The logit link maps any real number into (0, 1).",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnfusedLink = Create(
        DiagnosticIds.UnfusedLink,
        Statistics,
        "Link written out instead of the fused family",
        "'{0}' in '{1}' can be written {2}, which is numerically stable",
        "Computing a probability or rate through its link and then its log loses precision: log(Logistic(η)) underflows to −∞ for large −η and Poisson(exp(η)) overflows; the fused families evaluate the log density directly from η (softplus, η·y − exp η).",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusedData = Create(
        DiagnosticIds.UnusedData,
        Statistics,
        "Data member that no likelihood term reads",
        "The [Data] member '{0}' is read by no likelihood term",
        "A data member no likelihood reads is validated and carried but changes nothing in the fit; usually a covariate was forgotten in the predictor.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PriorSupportMismatch = Create(
        DiagnosticIds.PriorSupportMismatch,
        Statistics,
        "Prior support does not match the parameter's bounds",
        "The {0} on '{1}' is a density on positive values, but '{1}' has no lower bound of 0 or above; add Lower = 0",
        "HalfNormal and Gamma priors have zero density below 0: on an unbounded parameter the log prior is −∞ there, and the optimizer walks into it. The bound keeps the parameter in the prior's support.",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: global::MleGen.HelpLinks.ForDiagnostic(id));
}
