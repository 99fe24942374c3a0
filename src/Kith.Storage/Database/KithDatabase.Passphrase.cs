using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Storage.Encryption;
using Kith.Storage.Keyring;

namespace Kith.Storage.Database;

public sealed partial class KithDatabase
{
    /// <summary>
    /// Re-wraps the data key under <paramref name="next"/> with <paramref name="parameters"/> (default: the
    /// options' costs), after checking <paramref name="current"/>. Values are not re-encrypted: the data key
    /// stays the same. A wrong <paramref name="current"/> fails with <see cref="StorageErrors.WrongPassphrase"/>
    /// and changes nothing.
    /// </summary>
    public Result<Unit> ChangePassphrase(ReadOnlySpan<byte> current, ReadOnlySpan<byte> next, PassphraseKdfParameters? parameters = null)
    {
        parameters ??= _options.KdfParameters;
        WrappedDataKey record = RunInTransaction(transaction => KeyringTable.Load(transaction.Connection, transaction.Transaction))
            ?? throw new InvalidOperationException("The keyring row disappeared while the store was open.");
        if (!DataKeyWrapping.Unwrap(record, current).TryGet(out SecretBytes? dataKey, out KithError? error))
        {
            return error;
        }

        using (dataKey)
        {
            using (var keys = StorageKeys.Derive(dataKey))
            {
                if (!keys.ValueKey.FixedTimeEquals(_keys.ValueKey.Span))
                {
                    throw new InvalidOperationException("The keyring holds another data key than the one this store was opened with.");
                }
            }

            if (!DataKeyWrapping.Wrap(dataKey, next, parameters, _options.Random).TryGet(out WrappedDataKey? rewrapped, out error))
            {
                return error;
            }

            RunInTransaction(transaction => KeyringTable.Replace(transaction.Connection, transaction.Transaction, rewrapped));
            return Result.Ok();
        }
    }
}
