using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MleGen.Generators.Parsing;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Diagnostics.Lint;

/// <summary>
/// One parsed model under lint: its spec, the symbols to place diagnostics on, and the report sink.
/// The rules read the spec; this class only turns member names back into source locations.
/// </summary>
internal sealed class LintContext
{
    private readonly System.Action<Diagnostic> _report;
    private readonly Dictionary<string, ParamMemberSpec> _parameters = new(System.StringComparer.Ordinal);

    public LintContext(ModelSpec spec, INamedTypeSymbol type, WellKnownTypes types, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Spec = spec;
        Type = type;
        Types = types;
        _report = report;
        CancellationToken = cancellationToken;
        foreach (var parameter in spec.Parameters)
        {
            _parameters[parameter.Name] = parameter;
        }
    }

    public ModelSpec Spec { get; }

    public INamedTypeSymbol Type { get; }

    /// <summary>The MleGen types of the compilation, resolved once per compilation.</summary>
    public WellKnownTypes Types { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The <c>[Param]</c> member named <paramref name="name"/>, or null.</summary>
    public ParamMemberSpec? Parameter(string name) => _parameters.TryGetValue(name, out var spec) ? spec : null;

    /// <summary>Where the member <paramref name="name"/> (a field's variable or a property's name) is declared.</summary>
    public Location MemberLocation(string name)
    {
        foreach (var member in Type.GetMembers(name))
        {
            if (member is IFieldSymbol or IPropertySymbol && member.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            {
                return location;
            }
        }

        return Location.None;
    }

    /// <summary>Where the prior attribute of kind <paramref name="kind"/> is applied to the parameter <paramref name="name"/>; else the parameter.</summary>
    public Location PriorLocation(string name, PriorKind kind)
    {
        foreach (var member in Type.GetMembers(name))
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (Types.TryGetPrior(attribute.AttributeClass, out var found) && found == kind
                    && attribute.ApplicationSyntaxReference is { } reference)
                {
                    return reference.GetSyntax(CancellationToken).GetLocation();
                }
            }
        }

        return MemberLocation(name);
    }

    /// <summary>The declaration of the likelihood method <paramref name="name"/> (the implementing part of a partial method).</summary>
    public MethodDeclarationSyntax? LikelihoodDeclaration(string name)
    {
        foreach (var member in Type.GetMembers(name))
        {
            if (member is IMethodSymbol { Parameters.Length: 1 } method)
            {
                var implementation = method.PartialImplementationPart ?? method;
                foreach (var reference in implementation.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(CancellationToken) is MethodDeclarationSyntax declaration)
                    {
                        return declaration;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The family creation (<c>new Normal(…)</c> or <c>new(…)</c>) the likelihood <paramref name="name"/> returns
    /// directly, or null when it returns it through a helper method (then there is no syntax to fix in place).
    /// </summary>
    public BaseObjectCreationExpressionSyntax? ReturnedCreation(string name)
    {
        var declaration = LikelihoodDeclaration(name);
        ExpressionSyntax? returned = declaration?.ExpressionBody?.Expression
            ?? (declaration?.Body?.Statements.LastOrDefault() as ReturnStatementSyntax)?.Expression;
        while (returned is ParenthesizedExpressionSyntax parenthesized)
        {
            returned = parenthesized.Expression;
        }

        return returned as BaseObjectCreationExpressionSyntax;
    }

    /// <summary>Where to report about the family of likelihood <paramref name="name"/>: its creation expression, else the method's name.</summary>
    public Location FamilyLocation(string name)
    {
        if (ReturnedCreation(name) is { } creation)
        {
            return creation.GetLocation();
        }

        return LikelihoodDeclaration(name)?.Identifier.GetLocation() ?? Location.None;
    }

    /// <summary>Where the likelihood method <paramref name="name"/> is named.</summary>
    public Location LikelihoodLocation(string name) => LikelihoodDeclaration(name)?.Identifier.GetLocation() ?? Location.None;

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
        _report(Diagnostic.Create(descriptor, location, args));

    public void Report(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location> additional, ImmutableDictionary<string, string?>? properties, params object?[] args) =>
        _report(Diagnostic.Create(descriptor, location, additional, properties, args));
}
