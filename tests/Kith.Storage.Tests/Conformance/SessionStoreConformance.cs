using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Sessions;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="ISessionStore"/> must do, run against each implementation.</summary>
public abstract class SessionStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract ISessionStore CreateStore();

    private static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static readonly DeviceId Alice = Device(1);
    private static readonly DeviceId Bob = Device(2);
    private static readonly DeviceId Carol = Device(3);

    [Fact]
    public void A_pair_without_a_session_loads_null()
    {
        ISessionStore store = CreateStore();
        Assert.Null(store.Load(Alice, Bob).Value);
        Assert.False(store.Delete(Alice, Bob));
    }

    [Fact]
    public void A_saved_state_loads_back_and_a_new_save_replaces_it()
    {
        ISessionStore store = CreateStore();
        store.Save(Alice, Bob, [1, 2, 3]);
        Assert.Equal([1, 2, 3], store.Load(Alice, Bob).Value);
        store.Save(Alice, Bob, [4]);
        Assert.Equal([4], store.Load(Alice, Bob).Value);
    }

    [Fact]
    public void Pairs_are_ordered_so_each_direction_and_each_peer_is_its_own_session()
    {
        ISessionStore store = CreateStore();
        store.Save(Alice, Bob, [1]);
        store.Save(Bob, Alice, [2]);
        store.Save(Alice, Carol, [3]);
        Assert.Equal([1], store.Load(Alice, Bob).Value);
        Assert.Equal([2], store.Load(Bob, Alice).Value);
        Assert.Equal([3], store.Load(Alice, Carol).Value);
        Assert.True(store.Delete(Alice, Bob));
        Assert.Null(store.Load(Alice, Bob).Value);
        Assert.Equal([2], store.Load(Bob, Alice).Value);
        Assert.Equal([3], store.Load(Alice, Carol).Value);
    }

    [Fact]
    public void The_store_keeps_its_own_copies()
    {
        ISessionStore store = CreateStore();
        byte[] state = [5, 6, 7];
        store.Save(Alice, Bob, state);
        state[0] = 0;
        byte[] loaded = store.Load(Alice, Bob).Value!;
        loaded[1] = 0;
        Assert.Equal([5, 6, 7], store.Load(Alice, Bob).Value);
    }

    [Fact]
    public void The_largest_allowed_state_round_trips_and_a_larger_one_is_a_caller_bug()
    {
        ISessionStore store = CreateStore();
        byte[] state = new byte[Limits.MaxSessionStateSize];
        new Random(3).NextBytes(state);
        store.Save(Alice, Bob, state);
        Assert.Equal(state, store.Load(Alice, Bob).Value);
        Assert.Throws<ArgumentException>(() => store.Save(Alice, Bob, new byte[Limits.MaxSessionStateSize + 1]));
        Assert.Equal(state, store.Load(Alice, Bob).Value);
    }
}
