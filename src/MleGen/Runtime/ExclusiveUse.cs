using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace MleGen;

/// <summary>
/// One model instance serves one caller at a time. Every evaluation member of a generated model, its
/// <see cref="IMleModel.ValidateData"/>, and a whole <see cref="ModelFitter.Fit"/> (with the
/// <see cref="FitResult"/> operations that evaluate the model again) hold the instance for their duration;
/// a call from another thread while it is held throws <see cref="InvalidOperationException"/> before it
/// touches any state, so concurrent use is an error, never a wrong answer. Calls on the holding thread
/// nest (a progress callback may evaluate the model it is fitting). Each evaluation still runs on several
/// threads internally (<see cref="IMleModel.EvaluationThreads"/>); for parallel fits, use one instance per
/// thread.
/// </summary>
/// <remarks>
/// The holder is kept beside the instance in a <see cref="ConditionalWeakTable{TKey, TValue}"/>, so the fitter
/// guards hand-written <see cref="IMleModel"/> implementations too. Entering is a lock-free lookup and an
/// interlocked exchange; after the first call on an instance it allocates nothing.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ExclusiveUse
{
    private static readonly ConditionalWeakTable<object, Holder> Holders = new();

    /// <summary>Holds <paramref name="model"/> for the calling thread until the returned scope is disposed.</summary>
    /// <exception cref="InvalidOperationException">Another thread holds the instance.</exception>
    public static Scope Enter(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Holders.TryGetValue(model, out Holder? holder))
        {
            holder = Holders.GetValue(model, static _ => new Holder());
        }

        int thread = Environment.CurrentManagedThreadId;
        if (Volatile.Read(ref holder.Thread) == thread)
        {
            holder.Depth++;
        }
        else if (Interlocked.CompareExchange(ref holder.Thread, thread, 0) == 0)
        {
            holder.Depth = 1;
        }
        else
        {
            throw new InvalidOperationException(
                $"This {model.GetType().Name} instance is in use by another thread. A model instance runs one fit or evaluation at a time "
                + "(each evaluation is parallel inside, see EvaluationThreads); to fit or evaluate in parallel, use one instance per thread.");
        }

        return new Scope(holder);
    }

    /// <summary>Releases the instance when the outermost scope of the holding thread ends.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Holder? _holder;

        internal Scope(Holder holder) => _holder = holder;

        /// <summary>Ends this use.</summary>
        public void Dispose()
        {
            if (_holder is { } holder && --holder.Depth == 0)
            {
                Volatile.Write(ref holder.Thread, 0);
            }
        }
    }

    /// <summary>The thread holding an instance (0 when none) and how deeply its calls are nested.</summary>
    internal sealed class Holder
    {
        public int Thread;
        public int Depth;
    }
}
