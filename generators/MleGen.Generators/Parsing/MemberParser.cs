using System.Collections.Generic;
using System.Linq;
using MleGen.Generators.Common;
using MleGen.Generators.Diagnostics;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MleGen.Generators.Parsing;

/// <summary>Reads the <c>[Data]</c> and <c>[Param]</c> members of a model with their constraints and priors.</summary>
internal static class MemberParser
{
    public static void ParseMembers(ParseContext context, out List<DataMemberSpec> data, out List<ParamMemberSpec> parameters)
    {
        data = new List<DataMemberSpec>();
        parameters = new List<ParamMemberSpec>();
        var parameterMembers = new List<(ISymbol, ParamMemberSpec)>();
        foreach (var member in context.ModelType.GetMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared || member is not (IFieldSymbol or IPropertySymbol))
            {
                continue;
            }

            var attributes = member.GetAttributes();
            var dataAttribute = attributes.FirstOrDefault(a => WellKnownTypes.Is(a.AttributeClass, context.Types.DataAttribute));
            var paramAttribute = attributes.FirstOrDefault(a => WellKnownTypes.Is(a.AttributeClass, context.Types.ParamAttribute));
            if (dataAttribute is not null && ParseData(context, member) is { } dataSpec)
            {
                data.Add(dataSpec);
                context.Data[member] = dataSpec;
            }

            if (paramAttribute is not null && ParseParam(context, member, paramAttribute, attributes) is { } paramSpec)
            {
                parameters.Add(paramSpec);
                parameterMembers.Add((member, paramSpec));
                context.Parameters[member] = paramSpec;
            }
        }

        ParameterNames.CheckDistinct(context, parameterMembers);
    }

    private static DataMemberSpec? ParseData(ParseContext context, ISymbol member)
    {
        if (member.IsStatic)
        {
            context.Report(DiagnosticDescriptors.StaticMember, ModelParser.FirstLocation(member), "[Data]", member.Name);
            return null;
        }

        ITypeSymbol? type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
            _ => null,
        };
        if (type is { TypeKind: TypeKind.Error })
        {
            context.Fail();
            return null;
        }

        DataKind? kind = type is null ? null : ClassifyData(type);
        if (kind is null)
        {
            context.Report(DiagnosticDescriptors.UnsupportedDataType, TypeLocation(member) ?? ModelParser.FirstLocation(member), member.Name, type?.ToDisplayString() ?? "?");
            return null;
        }

        return new DataMemberSpec(member.Name, kind.Value);
    }

    private static DataKind? ClassifyData(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Double } => DataKind.Double,
        { SpecialType: SpecialType.System_Int32 } => DataKind.Int,
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double } => DataKind.DoubleArray,
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Int32 } => DataKind.IntArray,
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Boolean } => DataKind.BoolArray,
        IArrayTypeSymbol { Rank: 2, ElementType.SpecialType: SpecialType.System_Double } => DataKind.DoubleMatrix,
        _ => null,
    };

    private static ParamMemberSpec? ParseParam(ParseContext context, ISymbol member, AttributeData attribute, IEnumerable<AttributeData> attributes)
    {
        ITypeSymbol? type = member switch
        {
            IFieldSymbol f => f.Type,
            IPropertySymbol { IsIndexer: false } property => property.Type,
            _ => null,
        };
        if (type is null)
        {
            // [Param] targets fields and properties only: the compiler reports CS0592 on anything else.
            context.Fail();
            return null;
        }

        if (member.IsStatic || member is IFieldSymbol { IsConst: true })
        {
            context.Report(DiagnosticDescriptors.StaticMember, ModelParser.FirstLocation(member), "[Param]", member.Name);
            return null;
        }

        if (type.TypeKind == TypeKind.Error)
        {
            context.Fail();
            return null;
        }

        ParamShape? shape = type switch
        {
            { SpecialType: SpecialType.System_Double } => ParamShape.Scalar,
            IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double } => ParamShape.Vector,
            IArrayTypeSymbol { Rank: 2, ElementType.SpecialType: SpecialType.System_Double } => ParamShape.Matrix,
            _ => null,
        };
        if (shape is null)
        {
            context.Report(DiagnosticDescriptors.InvalidParam, TypeLocation(member) ?? ModelParser.FirstLocation(member), member.Name, "its type '" + type.ToDisplayString() + "' is not double, double[] or double[,]");
            return null;
        }

        if (NotWritable(member, shape.Value) is { } why)
        {
            context.Report(DiagnosticDescriptors.InvalidParam, ModelParser.FirstLocation(member), member.Name, why);
            return null;
        }

        double lower = double.NegativeInfinity, upper = double.PositiveInfinity;
        bool simplex = false, ordered = false;
        string? names = null;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Lower":
                    lower = ToDouble(named.Value.Value) ?? lower;
                    break;
                case "Upper":
                    upper = ToDouble(named.Value.Value) ?? upper;
                    break;
                case "Simplex":
                    simplex = named.Value.Value is true;
                    break;
                case "Ordered":
                    ordered = named.Value.Value is true;
                    break;
                case "Names":
                    names = named.Value.Value as string;
                    break;
            }
        }

        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? ModelParser.FirstLocation(member);
        if (simplex && shape != ParamShape.Vector)
        {
            context.Report(DiagnosticDescriptors.InvalidParam, attributeLocation, member.Name, "Simplex applies only to a double[] parameter");
            return null;
        }

        if (ordered && (shape != ParamShape.Vector || simplex || lower > double.NegativeInfinity || upper < double.PositiveInfinity))
        {
            context.Report(DiagnosticDescriptors.InvalidParam, attributeLocation, member.Name, shape != ParamShape.Vector
                ? "Ordered applies only to a double[] parameter"
                : "Ordered cannot be combined with " + (simplex ? "Simplex" : "Lower or Upper") + " (an ordered vector's members are unbounded and strictly increasing)");
            return null;
        }

        if (!(lower < upper))
        {
            context.Report(DiagnosticDescriptors.InvalidParam, attributeLocation, member.Name, "its lower bound is not below its upper bound");
            return null;
        }

        if (names is not null && !ParameterNames.CheckNamesMember(context, member, shape.Value, names, attributeLocation))
        {
            return null;
        }

        var priors = new List<PriorSpec>();
        foreach (var prior in attributes)
        {
            if (context.Types.TryGetPrior(prior.AttributeClass, out var kind))
            {
                var args = prior.ConstructorArguments;
                double? first = args.Length > 0 ? ToDouble(args[0].Value) : null;
                double? second = args.Length > 1 ? ToDouble(args[1].Value) : 0;
                if (first is null || second is null)
                {
                    // Missing or ill-typed constructor arguments: the compiler reports them.
                    context.Fail();
                    continue;
                }

                var spec = new PriorSpec(kind, first.Value, second.Value);
                if (PriorArguments.Check(context, prior, spec, member.Name, bounded: simplex || lower > double.NegativeInfinity || upper < double.PositiveInfinity))
                {
                    priors.Add(spec);
                }
            }
        }

        return new ParamMemberSpec(member.Name, shape.Value, lower, upper, simplex, priors.ToEquatableArray(), ParameterNames.Clean(member.Name), names) { Ordered = ordered };
    }

    /// <summary>Why generated code could not write the estimates into <paramref name="member"/>, or null when it can.</summary>
    private static string? NotWritable(ISymbol member, ParamShape shape) => member switch
    {
        IFieldSymbol { IsReadOnly: true } when shape == ParamShape.Scalar => "it is readonly, but a fit writes the estimates back into it",
        IFieldSymbol { IsReadOnly: true } => "it is readonly, but a fit writes the estimates back into it (an array parameter may be a property with a getter)",
        IPropertySymbol { GetMethod: null } => "it has no getter, but a fit reads the start values from it",
        IPropertySymbol { SetMethod: null } when shape == ParamShape.Scalar => "it has no setter, but a fit writes the estimate back into it",
        IPropertySymbol { SetMethod.IsInitOnly: true } when shape == ParamShape.Scalar => "its setter is init-only, but a fit writes the estimate back into it; use set",
        _ => null,
    };

    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        _ => null,
    };

    private static Location? TypeLocation(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            TypeSyntax? type = syntax switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                _ => null,
            };
            if (type is not null)
            {
                return type.GetLocation();
            }
        }

        return null;
    }

}
