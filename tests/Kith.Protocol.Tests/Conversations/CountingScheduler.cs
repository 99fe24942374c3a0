namespace Kith.Protocol.Tests.Conversations;

/// <summary>
/// A verification scheduler (as <c>CheckedSyncEvents.Check</c> and <c>ConversationLog.Replay</c> take) that runs every
/// body on this thread and counts them: the number of signatures verified.
/// </summary>
internal sealed class CountingScheduler
{
    public int Verifications { get; private set; }

    public void ForEach(int count, Action<int> body)
    {
        for (int i = 0; i < count; i++)
        {
            Verifications++;
            body(i);
        }
    }
}
