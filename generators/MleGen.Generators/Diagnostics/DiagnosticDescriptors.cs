using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Diagnostics;

/// <summary>The descriptors of the MleGen compile-time diagnostics; every message names the offending member or construct.</summary>
internal static class DiagnosticDescriptors
{
    private const string Usage = "MleGen.Usage";
    private const string Design = "MleGen.Design";

    /// <summary>The supported expression subset, quoted by MLE0008.</summary>
    internal const string SupportedSubset =
        "literals, data and parameters, + - * /, Math.Exp/Log/Sqrt/Pow/Tanh/Sin/Cos/Abs, the MleGen.Functions helpers, helper methods of the model, ?: on data and indices";

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
        "Parameters must be writable fields of type double, double[] or double[,]; Simplex applies only to double[]; a lower bound must be below the upper bound.");

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

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description) =>
        new(
            id,
            title,
            message,
            category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: global::MleGen.HelpLinks.ForDiagnostic(id));
}
