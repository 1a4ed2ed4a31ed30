using System.Collections.Generic;
using MleGen.Generators.Specs;

namespace MleGen.Generators.Diagnostics.Lint;

/// <summary>A term of a flattened sum (sign ±1) or a factor of a flattened product (exponent ±1).</summary>
internal readonly record struct ChainItem(ExprSpec Spec, int Sign);

/// <summary>Flattens associative chains: a + b − (c − d) into the terms +a +b −c +d; a·b / c into +a +b −c.</summary>
internal static class Chains
{
    public static bool IsSum(ExprSpec spec) => spec is BinarySpec { Op: BinaryOp.Add or BinaryOp.Subtract, Type: ScalarType.Double };

    public static bool IsProduct(ExprSpec spec) => spec is BinarySpec { Op: BinaryOp.Multiply or BinaryOp.Divide, Type: ScalarType.Double };

    /// <summary>The signed terms of the sum rooted at <paramref name="spec"/> (one term when it is not a sum); negations fold into signs.</summary>
    public static List<ChainItem> Terms(ExprSpec spec)
    {
        var terms = new List<ChainItem>();
        AddTerms(spec, 1, terms);
        return terms;
    }

    /// <summary>The factors of the product rooted at <paramref name="spec"/>, exponent −1 for divisors.</summary>
    public static List<ChainItem> Factors(ExprSpec spec)
    {
        var factors = new List<ChainItem>();
        AddFactors(spec, 1, factors);
        return factors;
    }

    private static void AddTerms(ExprSpec spec, int sign, List<ChainItem> terms)
    {
        switch (spec)
        {
            case BinarySpec { Op: BinaryOp.Add, Type: ScalarType.Double } add:
                AddTerms(add.Left, sign, terms);
                AddTerms(add.Right, sign, terms);
                break;
            case BinarySpec { Op: BinaryOp.Subtract, Type: ScalarType.Double } subtract:
                AddTerms(subtract.Left, sign, terms);
                AddTerms(subtract.Right, -sign, terms);
                break;
            case UnarySpec { Op: UnaryOp.Negate, Type: ScalarType.Double } negate:
                AddTerms(negate.Operand, -sign, terms);
                break;
            default:
                terms.Add(new ChainItem(spec, sign));
                break;
        }
    }

    private static void AddFactors(ExprSpec spec, int exponent, List<ChainItem> factors)
    {
        switch (spec)
        {
            case BinarySpec { Op: BinaryOp.Multiply, Type: ScalarType.Double } multiply:
                AddFactors(multiply.Left, exponent, factors);
                AddFactors(multiply.Right, exponent, factors);
                break;
            case BinarySpec { Op: BinaryOp.Divide, Type: ScalarType.Double } divide:
                AddFactors(divide.Left, exponent, factors);
                AddFactors(divide.Right, -exponent, factors);
                break;
            default:
                factors.Add(new ChainItem(spec, exponent));
                break;
        }
    }
}
