namespace MleGen.Generators.Diagnostics.Lint;

/// <summary>
/// The keys of the properties a lint diagnostic hands to its code fix (MleGen.CodeFixes): the analyzer
/// decides what the fix is, the fix only rewrites syntax. A diagnostic without them has no fix.
/// </summary>
internal static class LintFix
{
    /// <summary>The family the fix switches to, by type name (<c>PoissonLog</c>).</summary>
    public const string Family = "MleGen.Family";

    /// <summary>The constructor-parameter indices of the old family whose arguments the new one takes, in order, comma-separated.</summary>
    public const string Arguments = "MleGen.Arguments";

    /// <summary>The constructor-parameter index whose argument is a call of <see cref="UnwrapMethod"/> to replace by its own argument.</summary>
    public const string Unwrap = "MleGen.Unwrap";

    /// <summary>The method that <see cref="Unwrap"/> removes, as <c>Namespace.Type.Method</c> (<c>System.Math.Exp</c>).</summary>
    public const string UnwrapMethod = "MleGen.UnwrapMethod";
}
