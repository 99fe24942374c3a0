using Kith.Protocol.Conversations;
using Kith.Protocol.Delivery;
using Kith.Protocol.Sessions;

namespace Kith.Protocol.Storage;

/// <summary>
/// An <see cref="IStepRunner"/> over in-memory stores, for tests and simulations: steps run one at a time
/// (a lock), but a step that throws is not rolled back, so only the SQLite runner shows atomicity. Code under
/// test keeps the contract either way: a step that rejects its input changes nothing before it returns.
/// </summary>
public sealed class InMemoryStepRunner : IStepRunner, IStepStores
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public IOutboxStore Outbox { get; } = new InMemoryOutboxStore();

    /// <inheritdoc/>
    public IStateStore State { get; } = new InMemoryStateStore();

    /// <inheritdoc/>
    public IEventStore Events { get; } = new InMemoryEventStore();

    /// <inheritdoc/>
    public ISessionStore Sessions { get; } = new InMemorySessionStore();

    /// <inheritdoc/>
    public IMessageStore Messages { get; } = new InMemoryMessageStore();

    /// <inheritdoc/>
    public T Run<T>(Func<IStepStores, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            return work(this);
        }
    }

    /// <summary>Names the type only: the stores hold session secrets.</summary>
    public override string ToString() => nameof(InMemoryStepRunner);
}
