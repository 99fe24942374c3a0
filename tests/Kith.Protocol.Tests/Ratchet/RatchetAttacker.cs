using Kith.Crypto;
using Kith.Protocol.Ratchet;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>
/// An attacker who stole a copy of one party's state and sees all traffic: it derives every key the
/// stolen secrets allow (root steps with the stolen ratchet private keys against every ratchet public
/// key it can read from a header, chain steps from every chain key) and tries each on a message.
/// Tests use it both ways: it must succeed where the spec says a compromise reaches, so that its
/// failures elsewhere mean something.
/// </summary>
internal sealed class RatchetAttacker
{
    private const int ChainStepsTried = 64;
    private const int RootStepRounds = 3;

    private readonly HashSet<string> _roots = [];
    private readonly HashSet<string> _chainKeys = [];
    private readonly HashSet<string> _messageKeys = [];
    private readonly HashSet<string> _headerKeys = [];
    private readonly HashSet<string> _privateKeys = [];
    private readonly HashSet<string> _publicKeys = [];
    private readonly List<byte[]> _traffic = [];
    private byte[] _associatedData = [];

    public static RatchetAttacker FromSession(RatchetSession session)
    {
        RatchetState s = session.State;
        var attacker = new RatchetAttacker { _associatedData = s.AssociatedData.ToArray() };
        Add(attacker._roots, s.RootKey);
        Add(attacker._chainKeys, s.SendingChainKey);
        Add(attacker._chainKeys, s.ReceivingChainKey);
        Add(attacker._privateKeys, s.SendingRatchetPrivateKey);
        Add(attacker._publicKeys, s.SendingRatchetPublicKey);
        Add(attacker._publicKeys, s.ReceivingRatchetPublicKey);
        foreach (Span<byte> key in new[] { s.SendingHeaderKey.ToArray(), s.ReceivingHeaderKey.ToArray(), s.NextSendingHeaderKey.ToArray(), s.NextReceivingHeaderKey.ToArray() })
        {
            Add(attacker._headerKeys, key);
        }

        foreach (SkippedKeyChain chain in s.Skipped.Chains)
        {
            Add(attacker._headerKeys, chain.HeaderKey);
            for (int i = 0; i < chain.Count; i++)
            {
                Add(attacker._messageKeys, chain.KeyAt(i));
            }
        }

        return attacker;
    }

    /// <summary>Records traffic the attacker saw on the network.</summary>
    public RatchetAttacker Observe(IEnumerable<byte[]> messages)
    {
        _traffic.AddRange(messages);
        return this;
    }

    public bool CanDecrypt(byte[] target)
    {
        _traffic.Add(target);
        for (int round = 0; round < RootStepRounds; round++)
        {
            LearnPublicKeys();
            RootSteps();
        }

        LearnPublicKeys();
        if (!RatchetMessage.TryDecode(target, out RatchetMessage message, out _))
        {
            return false;
        }

        byte[] plaintext = new byte[message.PlaintextLength];
        foreach (string key in _messageKeys)
        {
            if (RatchetCiphers.TryOpenBody(Convert.FromHexString(key), _associatedData, message, plaintext))
            {
                return true;
            }
        }

        byte[] messageKey = new byte[32];
        foreach (string start in _chainKeys)
        {
            byte[] chainKey = Convert.FromHexString(start);
            for (int step = 0; step < ChainStepsTried; step++)
            {
                RatchetKdf.ChainStep(chainKey, messageKey);
                if (RatchetCiphers.TryOpenBody(messageKey, _associatedData, message, plaintext))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void LearnPublicKeys()
    {
        byte[] header = new byte[RatchetHeader.Size];
        foreach (byte[] bytes in _traffic)
        {
            if (!RatchetMessage.TryDecode(bytes, out RatchetMessage message, out _))
            {
                continue;
            }

            foreach (string key in _headerKeys)
            {
                if (RatchetCiphers.TryOpenHeader(Convert.FromHexString(key), message, header))
                {
                    Add(_publicKeys, header.AsSpan(0, 32));
                }
            }
        }
    }

    private void RootSteps()
    {
        byte[] dh = new byte[32], root = new byte[32], chain = new byte[32], headerKey = new byte[32];
        foreach (string r in _roots.ToArray())
        {
            foreach (string privateKey in _privateKeys)
            {
                foreach (string publicKey in _publicKeys.ToArray())
                {
                    if (!X25519.TryAgree(Convert.FromHexString(privateKey), Convert.FromHexString(publicKey), dh))
                    {
                        continue;
                    }

                    RatchetKdf.RootStep(Convert.FromHexString(r), dh, root, chain, headerKey);
                    Add(_roots, root);
                    Add(_chainKeys, chain);
                    Add(_headerKeys, headerKey);
                }
            }
        }
    }

    private static void Add(HashSet<string> set, ReadOnlySpan<byte> key)
    {
        if (key.ContainsAnyExcept((byte)0))
        {
            set.Add(Convert.ToHexString(key));
        }
    }
}
