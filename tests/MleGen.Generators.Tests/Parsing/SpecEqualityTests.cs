using System.Collections.Generic;
using MleGen.Generators.Common;
using MleGen.Generators.Specs;
using MleGen.Generators.Tests.Harness;
using Xunit;
using static MleGen.Generators.Tests.Parsing.S;

namespace MleGen.Generators.Tests.Parsing;

/// <summary>Specs compare by value, so the incremental pipeline can cache them.</summary>
public class SpecEqualityTests
{
    [Fact]
    public void ParsingTheSameSourceTwiceGivesEqualSpecsAndHashCodes()
    {
        var first = CompilationHarness.ParseModel(ModelParserTests.LinearRegression).Spec;
        var second = CompilationHarness.ParseModel(ModelParserTests.LinearRegression).Spec;

        Assert.NotNull(first);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first!.GetHashCode(), second!.GetHashCode());
    }

    [Fact]
    public void AnEditToTheModelChangesTheSpec()
    {
        var first = CompilationHarness.ParseModel(ModelParserTests.LinearRegression).Spec;
        var edited = CompilationHarness.ParseModel(ModelParserTests.LinearRegression.Replace("Lower = 0", "Lower = 0.5")).Spec;
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void AnEditOutsideTheModelKeepsTheSpec()
    {
        var first = CompilationHarness.ParseModel(ModelParserTests.LinearRegression).Spec;
        var edited = CompilationHarness.ParseModel(ModelParserTests.LinearRegression + "\n// a comment\nclass Unrelated { int x = 1; }\n").Spec;
        Assert.Equal(first, edited);
    }

    public static IEnumerable<TheoryDataRow<string>> SpecTypes() =>
    [
        new("ModelSpec"), new("ContainingTypeSpec"), new("DataMemberSpec"), new("ParamMemberSpec"), new("PriorSpec"),
        new("LikelihoodSpec"), new("ConstantSpec"), new("ObservationIndexSpec"), new("VariableSpec"), new("DataReadSpec"),
        new("ParamReadSpec"), new("LengthSpec"), new("MemberVectorSpec"), new("ConvertSpec"), new("UnarySpec"),
        new("BinarySpec"), new("ConditionalSpec"), new("ReductionSpec"), new("LambdaSpec"), new("NamedSpec"),
    ];

    [Theory]
    [MemberData(nameof(SpecTypes))]
    public void EverySpecTypeHasValueEquality(string typeName)
    {
        object a = Create(typeName, 1);
        object b = Create(typeName, 1);
        object c = Create(typeName, 2);

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    private static object Create(string typeName, int seed)
    {
        var x = P("Beta", V("j" + seed));
        return typeName switch
        {
            "ModelSpec" => new ModelSpec("N", "M" + seed, A<ContainingTypeSpec>(), A(new DataMemberSpec("Y", DataKind.DoubleArray)), A(Param("A")), A<LikelihoodSpec>()),
            "ContainingTypeSpec" => new ContainingTypeSpec("class", "Outer" + seed),
            "DataMemberSpec" => new DataMemberSpec("Y" + seed, DataKind.DoubleArray),
            "ParamMemberSpec" => Param("A", lower: seed, priors: new PriorSpec(PriorKind.L2, seed, 0)),
            "PriorSpec" => new PriorSpec(PriorKind.Normal, 0, seed),
            "LikelihoodSpec" => new LikelihoodSpec("Obs", "Y", null, FamilyKind.Normal, A(x, C(seed))),
            "ConstantSpec" => C(seed),
            "ObservationIndexSpec" => seed == 1 ? new ObservationIndexSpec() : new VariableSpec("i"),
            "VariableSpec" => V("j" + seed),
            "DataReadSpec" => D("X", ScalarType.Double, I, C(seed, ScalarType.Int)),
            "ParamReadSpec" => x,
            "LengthSpec" => Len("X", seed),
            "MemberVectorSpec" => new MemberVectorSpec("W", seed == 1),
            "ConvertSpec" => Cv(x),
            "UnarySpec" => U(UnaryOp.Exp, x),
            "BinarySpec" => Add(x, C(seed)),
            "ConditionalSpec" => new ConditionalSpec(C(1, ScalarType.Bool), x, C(seed), ScalarType.Double),
            "ReductionSpec" => Sum(Len("Beta"), "j" + seed, x),
            "LambdaSpec" => new LambdaSpec("k", x),
            "NamedSpec" => new NamedSpec("Mean", Add(x, C(seed))),
            _ => throw new KeyNotFoundException(typeName),
        };
    }

    [Fact]
    public void EquatableArrayComparesByValue()
    {
        var a = EquatableArray.Create<ExprSpec>(C(1), I);
        var b = EquatableArray.Create<ExprSpec>(C(1), I);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(default(EquatableArray<ExprSpec>), EquatableArray<ExprSpec>.Empty);
    }
}
