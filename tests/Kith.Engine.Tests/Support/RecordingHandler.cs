using Kith.Engine.Delivery;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Engine.Tests.Support;

/// <summary>
/// An application that applies an item by writing it to the step's state store (so a rolled-back step keeps
/// nothing) and counts applications there. It can be told to throw or to refuse before applying.
/// </summary>
public sealed class RecordingHandler : IInboundHandler
{
    public const string AppliedKind = "test.applied";

    /// <summary>Throw this many times (after writing, so only a rollback undoes it) before applying normally.</summary>
    public int ThrowTimes { get; set; }

    /// <summary>Return this error (without writing) while set.</summary>
    public KithError? Refuse { get; set; }

    /// <summary>Every call that returned normally, in order.</summary>
    public List<InboundItem> Calls { get; } = [];

    public Result<Unit> Apply(InboundItem item, StepContext context)
    {
        if (Refuse is not null)
        {
            return Refuse;
        }

        byte[] key = Key(item.From, item.Id);
        byte[]? previous = context.Stores.State.Read(AppliedKind, key).Value;
        byte count = previous is null ? (byte)1 : (byte)(previous[0] + 1);
        context.Stores.State.Write(AppliedKind, key, [count, .. item.Payload.Span]);
        if (ThrowTimes > 0)
        {
            ThrowTimes--;
            throw new InvalidOperationException("the application failed");
        }

        Calls.Add(item);
        return Result.Ok();
    }

    /// <summary>How many times the committed state says <paramref name="id"/> from <paramref name="from"/> was applied.</summary>
    public static int TimesApplied(Node node, DeviceId from, EventId id) =>
        node.Runner.Run(stores => stores.State.Read(AppliedKind, Key(from, id)).Value is { } value ? value[0] : 0);

    private static byte[] Key(DeviceId from, EventId id) => [.. from.Span, .. id.Span];
}
