namespace MleGen;

/// <summary>
/// The observations a family accepts, known without an instance: the generated code checks every observation against it
/// before any family is built, and names the family's <see cref="SupportDescription"/> when one is outside.
/// </summary>
/// <remarks>
/// Implemented by every observation family whose support is fixed; a family whose support depends on one of its
/// arguments (Binomial's trials) implements <see cref="IBoundedFamilySupport"/> instead. The generator's family
/// registry says which one each family has, and a test checks the two agree.
/// </remarks>
public interface IFamilySupport
{
    /// <summary>The values an observation may take, as an error message says them ("a positive finite number").</summary>
    static abstract string SupportDescription { get; }

    /// <summary>True when <paramref name="y"/> is a possible observation (its log density is finite for some parameters).</summary>
    /// <param name="y">The observation, as a double (an int or bool observation converted).</param>
    static abstract bool IsInSupport(double y);
}

/// <summary>
/// As <see cref="IFamilySupport"/>, for a family whose support is bounded by one of its arguments: Binomial's trials,
/// a categorical's class count.
/// </summary>
public interface IBoundedFamilySupport
{
    /// <summary>The values an observation may take, as an error message says them.</summary>
    static abstract string SupportDescription { get; }

    /// <summary>True when <paramref name="y"/> is a possible observation given the bounding argument.</summary>
    /// <param name="y">The observation, as a double.</param>
    /// <param name="bound">The argument that bounds the support (trials, classes).</param>
    static abstract bool IsInSupport(double y, int bound);
}
