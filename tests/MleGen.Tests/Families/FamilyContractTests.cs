using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace MleGen.Tests.Families;

/// <summary>The shape the source generator relies on: constructor parameters by position, property names, support helpers.</summary>
public class FamilyContractTests
{
    public static TheoryData<Type, string[]> Constructors => new()
    {
        { typeof(Normal), ["mean", "sd"] },
        { typeof(Laplace), ["location", "scale"] },
        { typeof(StudentT), ["nu", "location", "scale"] },
        { typeof(Cauchy), ["location", "scale"] },
        { typeof(LogNormal), ["mu", "sigma"] },
        { typeof(Exponential), ["rate"] },
        { typeof(Gamma), ["shape", "rate"] },
        { typeof(Weibull), ["shape", "scale"] },
        { typeof(Beta), ["alpha", "beta"] },
        { typeof(Bernoulli), ["p"] },
        { typeof(BernoulliLogit), ["eta"] },
        { typeof(BernoulliProbit), ["eta"] },
        { typeof(Binomial), ["trials", "p"] },
        { typeof(BinomialLogit), ["trials", "eta"] },
        { typeof(Poisson), ["rate"] },
        { typeof(PoissonLog), ["eta"] },
        { typeof(NegativeBinomial), ["mean", "dispersion"] },
        { typeof(NormalMixture), ["weights", "means", "sds"] },
    };

    [Theory]
    [MemberData(nameof(Constructors))]
    public void ConstructorParametersAndPropertiesFollowTheContract(Type family, string[] parameters)
    {
        var constructor = Assert.Single(family.GetConstructors());
        Assert.Equal(parameters, constructor.GetParameters().Select(p => p.Name!).ToArray());
        foreach (string parameter in parameters)
        {
            string property = parameter == "beta" ? "BetaParameter" : char.ToUpperInvariant(parameter[0]) + parameter[1..];
            Assert.NotNull(family.GetProperty(property, BindingFlags.Public | BindingFlags.Instance));
        }

        AssertIsReadOnlyFamily(family);
    }

    [Fact]
    public void CategoricalLogitsIsCreatedByOf()
    {
        Assert.Empty(typeof(CategoricalLogits).GetConstructors());
        var of = typeof(CategoricalLogits).GetMethod("Of", BindingFlags.Public | BindingFlags.Static);
        Assert.NotNull(of);
        Assert.Equal(new[] { "classes", "logit" }, of.GetParameters().Select(p => p.Name!).ToArray());
        AssertIsReadOnlyFamily(typeof(CategoricalLogits));
    }

    [Fact]
    public void StudentTWithInfiniteDegreesOfFreedomIsNormal()
    {
        Approx.Equal(new Normal(1, 2).LogDensity(0.3), new StudentT(double.PositiveInfinity, 1, 2).LogDensity(0.3));
    }

    [Fact]
    public void MessagesUseTheInvariantCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
            Approx.ThrowsOutOfRange("sd", "sd must be positive and finite, was -1.5", () => _ = new Normal(0, -1.5));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static void AssertIsReadOnlyFamily(Type family)
    {
        Assert.True(family.IsValueType);
        Assert.True(family.IsDefined(typeof(IsReadOnlyAttribute), inherit: false));
        Assert.Contains(typeof(IObservationFamily), family.GetInterfaces());
        var description = family.GetProperty("SupportDescription", BindingFlags.Public | BindingFlags.Static);
        Assert.False(string.IsNullOrEmpty((string?)description?.GetValue(null)));
        Assert.Contains(family.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name == "IsInSupport");
    }
}
