using System;

namespace MleGen.Generators.Common;

/// <summary>
/// An inconsistency inside the generator (a rule missing from a registry, an impossible case): never the user's
/// fault. The generator turns it into MLE0026 naming the model and emits no code for it — never wrong code.
/// </summary>
internal sealed class InternalErrorException : Exception
{
    public InternalErrorException(string message)
        : base(message)
    {
    }
}
