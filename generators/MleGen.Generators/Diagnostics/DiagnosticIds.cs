namespace MleGen.Generators.Diagnostics;

/// <summary>The IDs of the MleGen compile-time diagnostics (MLE00xx: a model that cannot be compiled; MLE01xx: statistical lint).</summary>
internal static class DiagnosticIds
{
    public const string ModelNotPartial = "MLE0001";
    public const string GenericModel = "MLE0002";
    public const string UnsupportedDataType = "MLE0003";
    public const string InvalidParam = "MLE0004";
    public const string InvalidLikelihoodShape = "MLE0005";
    public const string InvalidObservedMember = "MLE0006";
    public const string InvalidWeightsMember = "MLE0007";
    public const string UnsupportedConstruct = "MLE0008";
    public const string ParameterInCondition = "MLE0009";
    public const string RecursiveHelper = "MLE0010";
    public const string NoLikelihood = "MLE0011";
    public const string StaticMember = "MLE0012";
    public const string InvalidFamilyArgument = "MLE0013";
    public const string MissingModelAttribute = "MLE0014";
    public const string InvalidNamesMember = "MLE0015";
    public const string ReservedMemberName = "MLE0016";
    public const string UnsupportedModelType = "MLE0017";
    public const string InvalidConstantArgument = "MLE0018";
    public const string ModelTooLarge = "MLE0019";
    public const string InvalidCensoringMember = "MLE0020";
    public const string CensoringUnsupportedFamily = "MLE0021";
    public const string InvalidDerived = "MLE0022";
    public const string InvalidTruncationMember = "MLE0023";
    public const string TruncationUnsupportedFamily = "MLE0024";
    public const string InvalidLogLikelihoodTerm = "MLE0025";

    /// <summary>An inconsistency inside MleGen (reported by the generator, not the analyzer): no code for the model.</summary>
    public const string InternalError = "MLE0026";

    // MLE01xx: statistical lint (warnings), reported by LintAnalyzer.
    public const string UnboundedScale = "MLE0101";
    public const string CollapsibleMixture = "MLE0102";
    public const string UnusedParameter = "MLE0103";
    public const string UnidentifiableParameters = "MLE0104";
    public const string NoReferenceClass = "MLE0105";
    public const string ContinuousFamilyOnDiscreteData = "MLE0106";
    public const string UnboundedProbability = "MLE0107";
    public const string UnfusedLink = "MLE0108";
    public const string UnusedData = "MLE0109";
    public const string PriorSupportMismatch = "MLE0110";
}
