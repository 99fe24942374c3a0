using Kith.Protocol.Storage;

namespace Kith.Engine.Tests.Messaging;

/// <summary>
/// A step runner that, when armed, throws at the end of the next step after its work ran: the transaction rolls
/// back as when the process dies before the commit.
/// </summary>
internal sealed class CrashingRunner(IStepRunner inner) : IStepRunner
{
    public bool CrashNextStep { get; set; }

    public T Run<T>(Func<IStepStores, T> work) => inner.Run(stores =>
    {
        T result = work(stores);
        if (CrashNextStep)
        {
            CrashNextStep = false;
            throw new IOException("the process died before the commit");
        }

        return result;
    });
}
