using System.Collections.Immutable;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Parsing;

/// <summary>
/// The outcome of parsing one model: its spec, or <see langword="null"/> when anything is wrong
/// (an MleGen diagnostic, or a C# error the compiler already reports), and the MleGen diagnostics.
/// </summary>
internal sealed class ParseResult
{
    public ParseResult(ModelSpec? spec, ImmutableArray<Diagnostic> diagnostics, ModelTarget? target = null)
    {
        Spec = spec;
        Target = target;
        Diagnostics = diagnostics.IsDefault ? ImmutableArray<Diagnostic>.Empty : diagnostics;
    }

    /// <summary>The model, or <see langword="null"/> when it cannot be compiled.</summary>
    public ModelSpec? Spec { get; }

    /// <summary>What the generator emits: the model, a minimal partial of an invalid model, or nothing (null).</summary>
    public ModelTarget? Target { get; }

    /// <summary>The MleGen diagnostics, in source order, without duplicates.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
