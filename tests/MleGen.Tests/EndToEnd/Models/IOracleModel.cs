using System;
namespace MleGen.Tests.EndToEnd.Models;

/// <summary>A compiled model that also evaluates its NLL by the slow, plain-C# path: the families' own LogDensity.</summary>
public interface IOracleModel : IMleModel
{
    /// <summary>Σᵢ −wᵢ·log p(yᵢ) over the likelihood methods, at the current member values.</summary>
    double OracleNll();
}
