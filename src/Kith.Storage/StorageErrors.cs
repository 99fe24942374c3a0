using Kith.Primitives.Errors;

namespace Kith.Storage;

/// <summary>The outcomes of opening and reading a store that are not caller bugs. Texts never carry values or keys.</summary>
public static class StorageErrors
{
    /// <summary>The passphrase does not unwrap the data key (or the wrapped key was altered: the two look the same).</summary>
    public static readonly KithError WrongPassphrase = new("storage.wrong_passphrase", ErrorScope.Input, false,
        "The passphrase does not open this store.");

    /// <summary>No store (or only an interrupted creation, which holds no data) exists in the folder.</summary>
    public static readonly KithError NotFound = new("storage.not_found", ErrorScope.Local, false,
        "There is no Kith store in this folder.");

    /// <summary>Create was asked for a folder that already holds a store.</summary>
    public static readonly KithError AlreadyExists = new("storage.already_exists", ErrorScope.Local, false,
        "A Kith store already exists in this folder.");

    /// <summary>The file is not an SQLite database, or belongs to another application.</summary>
    public static readonly KithError NotAKithDatabase = new("storage.not_a_kith_database", ErrorScope.Local, false,
        "The store file is not a Kith database.");

    /// <summary>SQLite reports the file as corrupted.</summary>
    public static readonly KithError Corrupt = new("storage.corrupt", ErrorScope.Local, false,
        "The store file is corrupted.");

    /// <summary>Another connection holds the write lock longer than the busy timeout.</summary>
    public static readonly KithError Busy = new("storage.busy", ErrorScope.Local, true,
        "The store is locked by another connection.");

    /// <summary>The file was written by a newer Kith whose schema this version does not know.</summary>
    public static readonly KithError SchemaTooNew = new("storage.schema_too_new", ErrorScope.Local, false,
        "The store was written by a newer version of Kith.");

    /// <summary>The keyring record uses a format or key derivation this version does not know, or is out of bounds.</summary>
    public static readonly KithError KeyringUnsupported = new("storage.keyring_unsupported", ErrorScope.Local, false,
        "The store's keyring record has an unknown format or out-of-bounds parameters.");

    /// <summary>Argon2id could not allocate its memory.</summary>
    public static readonly KithError KdfFailed = new("storage.kdf_failed", ErrorScope.Local, true,
        "The passphrase key derivation could not allocate its memory.");

    /// <summary>A stored value does not authenticate under its table, column and row (altered, moved or truncated).</summary>
    public static readonly KithError CorruptValue = new("storage.corrupt_value", ErrorScope.Local, false,
        "A stored value failed authentication.");
}
