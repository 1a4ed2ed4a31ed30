using System;
using System.Linq;
using System.Reflection;
using MleGen.Generators.Families;
using MleGen.Generators.Specs;
using Xunit;

namespace MleGen.Generators.Tests.Families;

/// <summary>The generator's table of family arguments agrees with the runtime families: names, and the values each constructor accepts.</summary>
public class ArgumentDomainsTests
{
    /// <summary>Every family (FamilyKind.Custom is a [LogLikelihood] term, not a runtime family).</summary>
    public static TheoryData<string> Families => new(Enum.GetNames<FamilyKind>().Where(n => n != nameof(FamilyKind.Custom)));

    [Theory]
    [MemberData(nameof(Families))]
    public void TheTableMatchesTheRuntimeConstructor(string name)
    {
        var family = Enum.Parse<FamilyKind>(name);
        var arguments = ArgumentDomains.Of(family);
        var domains = arguments.Select(a => Enum.Parse<ArgumentDomain>(a.Domain)).ToArray();
        Type type = typeof(Normal).Assembly.GetType("MleGen." + family, throwOnError: true)!;
        if (family == FamilyKind.CategoricalLogits)
        {
            var of = type.GetMethod("Of")!;
            Assert.Equal(arguments.Select(a => a.Name), of.GetParameters().Take(1).Select(p => p.Name));
            Func<int, double> logit = k => 0;
            of.Invoke(null, [1, logit]);
            AssertRejects(() => of.Invoke(null, [0, logit]));
            Assert.True(DataChecks.IsIn(1, domains[0]));
            Assert.False(DataChecks.IsIn(0, domains[0]));
            return;
        }

        var constructor = Assert.Single(type.GetConstructors());
        var parameters = constructor.GetParameters();
        Assert.Equal(parameters.Select(p => p.Name), arguments.Select(a => a.Name));
        object[] valid = parameters.Select((p, k) => Value(p.ParameterType, Inside(domains[k]), family)).ToArray();
        constructor.Invoke(valid);
        for (int k = 0; k < parameters.Length; k++)
        {
            foreach (double bad in Outside(domains[k]))
            {
                object[] args = (object[])valid.Clone();
                args[k] = Value(parameters[k].ParameterType, bad, family);
                AssertRejects(() => constructor.Invoke(args));
                Assert.False(DataChecks.IsIn(bad, domains[k]) && domains[k] != ArgumentDomain.ProbabilityVector, $"{family}.{parameters[k].Name}: {bad}");
            }

            Assert.True(DataChecks.IsIn(Inside(domains[k]), domains[k]));
        }
    }

    private static double Inside(ArgumentDomain domain) => domain switch
    {
        ArgumentDomain.Finite => -0.5,
        ArgumentDomain.Positive or ArgumentDomain.PositiveOrInfinity or ArgumentDomain.AtLeastOne => 2,
        ArgumentDomain.NonNegative => 0,
        ArgumentDomain.Probability or ArgumentDomain.ProbabilityVector => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    private static double[] Outside(ArgumentDomain domain) => domain switch
    {
        ArgumentDomain.Finite => [double.NaN, double.PositiveInfinity],
        ArgumentDomain.Positive => [0, -1, double.PositiveInfinity, double.NaN],
        ArgumentDomain.PositiveOrInfinity => [0, -1, double.NaN],
        ArgumentDomain.NonNegative => [-1],
        ArgumentDomain.Probability => [-0.1, 1.1, double.NaN],
        ArgumentDomain.ProbabilityVector => [-0.5],
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    /// <summary>A constructor argument: an int, a double, or (the mixture) a two-element vector whose first element is the value.</summary>
    private static object Value(Type type, double value, FamilyKind family)
    {
        if (type == typeof(int))
        {
            return (int)value;
        }

        if (type == typeof(double[]))
        {
            return family == FamilyKind.NormalMixture && value == 0.5 ? new[] { 0.5, 0.5 } : new[] { value, value < 0 ? 1 - value : value };
        }

        return value;
    }

    private static void AssertRejects(Action construct)
    {
        var e = Assert.Throws<TargetInvocationException>(construct);
        Assert.IsAssignableFrom<ArgumentException>(e.InnerException);
    }
}
