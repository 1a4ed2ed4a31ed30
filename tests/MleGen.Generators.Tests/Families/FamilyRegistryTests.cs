using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using MleGen.Generators.Common;
using MleGen.Generators.Families;
using MleGen.Generators.Ir;
using MleGen.Generators.Specs;
using Xunit;

namespace MleGen.Generators.Tests.Families;

/// <summary>
/// Walks every family of the registry and asserts it has every rule, each consistent with the others and with the
/// runtime struct: a log density, Fisher entries or an explicit other form, a CDF exactly when it claims censoring,
/// a support check of the shape the generated code calls, fitted-value members where it claims them.
/// </summary>
public class FamilyRegistryTests
{
    /// <summary>Every family (FamilyKind.Custom is a [LogLikelihood] term, not a runtime family).</summary>
    public static TheoryData<string> Families => new(Enum.GetNames<FamilyKind>().Where(n => n != nameof(FamilyKind.Custom)));

    [Fact]
    public void EveryFamilyKindHasExactlyOneDescriptor()
    {
        var kinds = Enum.GetValues<FamilyKind>();
        Assert.Equal(kinds, FamilyRegistry.All.Select(d => d.Kind));
        Assert.Throws<ArgumentOutOfRangeException>(() => FamilyRegistry.Get((FamilyKind)999));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void TheRuntimeStructHasTheSupportCheckTheGeneratedCodeCalls(string name)
    {
        var family = FamilyRegistry.Get(Enum.Parse<FamilyKind>(name));
        var type = RuntimeType(family);
        Assert.Contains(typeof(IObservationFamily), type.GetInterfaces());
        if (family.Kind == FamilyKind.OrderedLogistic)
        {
            // Bounded by its cut vector's length + 1 (the validation emitter passes it), not by a Count argument.
            Assert.Contains(typeof(IBoundedFamilySupport), type.GetInterfaces());
        }
        else if (family.SupportBound < 0)
        {
            Assert.Contains(typeof(IFamilySupport), type.GetInterfaces());
            Assert.DoesNotContain(family.Arguments, a => a.Kind == ArgumentKind.Count);
        }
        else
        {
            Assert.Contains(typeof(IBoundedFamilySupport), type.GetInterfaces());
            Assert.Equal(ArgumentKind.Count, family.Arguments[family.SupportBound].Kind);
        }

        var description = (string?)type.GetProperty("SupportDescription", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        Assert.False(string.IsNullOrWhiteSpace(description));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void TheLogDensityBuildsAndTheKinkIsWhereItIsClaimed(string name)
    {
        var family = FamilyRegistry.Get(Enum.Parse<FamilyKind>(name));
        var b = new IrBuilder();
        var density = FamilyTable.LogDensity(b, family.Kind, b.Data("Y", ScalarType.Double, ImmutableArray.Create(b.ObservationIndex())), Arguments(b, family));
        Assert.True(density.DependsOnParameters, family.TypeName + ": the log density reads no parameter");
        Assert.Equal(family.HasKink, Reads(density, FamilyTable.KinkSmoothingField));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void FisherEntriesExistExactlyWhenClaimed(string name)
    {
        var family = FamilyRegistry.Get(Enum.Parse<FamilyKind>(name));
        var b = new IrBuilder();
        var phi = Arguments(b, family).Scalars;
        if (family.Fisher == FisherForm.Entries)
        {
            var entries = FisherTable.Entries(b, family.Kind, phi);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.True(e.A <= e.B && e.B < family.Arguments.Count && family.Arguments[e.A].Kind == ArgumentKind.Scalar, family.TypeName + ": entry " + e));
            Assert.Equal(entries.Count, entries.Select(e => (e.A, e.B)).Distinct().Count());

            // Every scalar argument has its diagonal entry (data arguments, Count, have none).
            for (int k = 0; k < family.Arguments.Count; k++)
            {
                Assert.Equal(family.Arguments[k].Kind == ArgumentKind.Scalar, entries.Any(e => e.A == k && e.B == k));
            }
        }
        else
        {
            Assert.Throws<InternalErrorException>(() => FisherTable.Entries(b, family.Kind, phi));
            if (family.Fisher != FisherForm.None)
            {
                // (FisherForm.None — not derived — may be any family's.) A vector argument is a mixture's (quadrature)
                // or a cumulative-link model's cuts (OrderedLogistic).
                Assert.Equal(family.Fisher == FisherForm.Softmax, family.Arguments.Any(a => a.Kind == ArgumentKind.Lambda));
                Assert.Equal(family.Fisher is FisherForm.Quadrature or FisherForm.Cumulative, family.Arguments.Any(a => a.Kind == ArgumentKind.Vector));
                Assert.Equal(family.Fisher == FisherForm.Cumulative, family.Kind == FamilyKind.OrderedLogistic);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void ACdfExistsExactlyWhenCensoringOrTruncationClaimsOne(string name)
    {
        var family = FamilyRegistry.Get(Enum.Parse<FamilyKind>(name));
        var type = RuntimeType(family);
        var b = new IrBuilder();
        var args = Arguments(b, family);
        var y = b.Data("Y", ScalarType.Double, ImmutableArray.Create(b.ObservationIndex()));
        Assert.Equal(family.SupportsCensoring, typeof(ICensorableFamily).IsAssignableFrom(type));
        Assert.Equal(family.SupportsCensoring, family.Truncation == TruncationForm.ByCdf);
        if (family.SupportsCensoring)
        {
            Assert.Equal(ObservationSupport.Continuous, family.Support);
            Assert.True(FamilyTable.LogCdf(b, family.Kind, y, args, upper: false).DependsOnParameters);
            Assert.True(FamilyTable.LogCdf(b, family.Kind, y, args, upper: true).DependsOnParameters);
        }
        else
        {
            Assert.Throws<InternalErrorException>(() => FamilyTable.LogCdf(b, family.Kind, y, args, upper: false));
        }

        var lower = b.Data("L", ScalarType.Double, ImmutableArray<Node>.Empty);
        if (family.Truncation == TruncationForm.DiscreteBelow)
        {
            Assert.Equal(ObservationSupport.Count, family.Support);
            Assert.True(FamilyTable.LogTruncationMass(b, family.Kind, args, lower, null).DependsOnParameters);
        }
        else
        {
            Assert.Throws<InternalErrorException>(() => family.LogSurvivalAbove(b, args, lower));
        }

        if (family.Truncation == TruncationForm.None)
        {
            Assert.Throws<InternalErrorException>(() => FamilyTable.LogTruncationMass(b, family.Kind, args, lower, null));
            Assert.Throws<InternalErrorException>(() => family.TruncationEdges);
        }
        else
        {
            // The edges where a bound stops cutting agree with the runtime struct's support: nothing below the lower edge
            // is an observation, the next value above it is; the stand-ins for bounds that do not cut are inside.
            var edges = family.TruncationEdges;
            var isInSupport = type.GetMethod("IsInSupport", [typeof(double)]) ?? throw new InvalidOperationException(name + " has no IsInSupport(double)");
            bool Inside(double y) => (bool)isInSupport.Invoke(null, [y])!;
            if (!double.IsPositiveInfinity(edges.Upper))
            {
                Assert.False(Inside(edges.Upper));
                Assert.True(Inside(edges.InsideHigh) && edges.InsideHigh < edges.Upper);
            }
            Assert.True(edges.InsideLow < edges.InsideHigh);
            Assert.True(Inside(edges.InsideLow) && Inside(edges.InsideHigh));
            if (double.IsNegativeInfinity(edges.Lower))
            {
                Assert.True(Inside(-1e300));
            }
            else
            {
                Assert.False(Inside(edges.Lower - 0.5));
                Assert.True(Inside(edges.Lower + (family.Support == ObservationSupport.Count ? 1 : 1e-9)));
                if (family.Support == ObservationSupport.Count)
                {
                    // Below means y > L: the edge is the whole number just below the smallest count.
                    Assert.False(Inside(edges.Lower));
                    Assert.Equal(edges.Lower, Math.Floor(edges.Lower));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void FittedValueMembersExistExactlyWhenClaimed(string name)
    {
        var family = FamilyRegistry.Get(Enum.Parse<FamilyKind>(name));
        var type = RuntimeType(family);
        bool moments = type.GetProperty("Mean") is not null && type.GetProperty("Variance") is not null;
        Assert.Equal(family.HasMoments, moments);
        Assert.Equal(family.HasDeviance, type.GetMethod("Deviance", [typeof(double)]) is not null);
    }

    [Fact]
    public void TheDiagnosticListsComeFromTheRegistry()
    {
        Assert.Equal("Normal, Laplace, StudentT, Cauchy, LogNormal, Exponential, Gamma, Weibull, Beta, NormalMixture and Gumbel", FamilyTable.CensorableFamilies);
        Assert.Equal(
            "below and above: Normal, Laplace, StudentT, Cauchy, LogNormal, Exponential, Gamma, Weibull, Beta, NormalMixture and Gumbel; below only (y > L): Poisson and PoissonLog",
            FamilyTable.TruncatableFamilies);
    }

    private static Type RuntimeType(FamilyDescriptor family) =>
        typeof(Normal).Assembly.GetType(family.MetadataName, throwOnError: false) ?? throw new Xunit.Sdk.XunitException("no runtime struct " + family.MetadataName);

    /// <summary>Arguments of every kind: parameters for scalars, int data for counts, a logit lambda, parameter vectors.</summary>
    private static FamilyArguments Arguments(IrBuilder b, FamilyDescriptor family)
    {
        var scalars = new List<Node>();
        var vectors = new List<(string, bool)>();
        (int, Node)? lambda = null;
        for (int k = 0; k < family.Arguments.Count; k++)
        {
            var argument = family.Arguments[k];
            switch (argument.Kind)
            {
                case ArgumentKind.Scalar:
                    scalars.Add(b.Param("P" + k, ImmutableArray<Node>.Empty));
                    break;
                case ArgumentKind.Count:
                    scalars.Add(b.Data("N" + k, ScalarType.Int, ImmutableArray<Node>.Empty));
                    break;
                case ArgumentKind.Lambda:
                    int variable = b.NewVariable("k", 0);
                    b.SetCount(variable, scalars[0]);
                    lambda = (variable, b.Param("Logit", ImmutableArray.Create(b.Variable(variable))));
                    break;
                case ArgumentKind.Vector:
                    vectors.Add(("V" + k, true));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(family), argument.Kind, "unknown argument kind");
            }
        }

        return new FamilyArguments(scalars) { Lambda = lambda, Vectors = vectors };
    }

    private static bool Reads(Node root, string member)
    {
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>([root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (node.Kind == NodeKind.Data && node.Member == member)
            {
                return true;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }
}
