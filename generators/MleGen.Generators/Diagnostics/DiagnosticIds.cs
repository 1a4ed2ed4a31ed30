namespace MleGen.Generators.Diagnostics;

/// <summary>The IDs of the MleGen compile-time diagnostics (MLE00xx: a model that cannot be compiled).</summary>
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
}
