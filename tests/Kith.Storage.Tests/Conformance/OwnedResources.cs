namespace Kith.Storage.Tests.Conformance;

/// <summary>Disposes what a suite's stores need (folders, databases) when the test ends, last first.</summary>
public abstract class OwnedResources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    protected T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
