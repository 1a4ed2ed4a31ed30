using System.Collections.Generic;
using MleGen.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace MleGen.Generators.Parsing;

/// <summary>
/// What the parameters and locals in scope stand for: the observation index, a lambda variable, an
/// inlined argument or a <c>var</c> initializer. A helper's body gets a fresh scope; a lambda's body a child scope.
/// A null binding marks a local whose initializer already failed, so its uses stay silent.
/// </summary>
internal sealed class Scope
{
    private readonly Scope? _parent;
    private readonly Dictionary<ISymbol, ExprSpec?> _bindings = new(SymbolEqualityComparer.Default);

    public Scope(Scope? parent = null) => _parent = parent;

    public void Bind(ISymbol symbol, ExprSpec? value) => _bindings[symbol] = value;

    public bool TryLookup(ISymbol symbol, out ExprSpec? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._bindings.TryGetValue(symbol, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
