namespace Kith.Storage.Migrations;

/// <summary>
/// One numbered schema step. Steps are applied in order, each in its own transaction together with
/// <c>PRAGMA user_version = Version</c>, so a store is always at exactly one version. A shipped step is
/// never edited: a change is a new step.
/// </summary>
/// <param name="Version">The user version the store has after this step: 1 for the first.</param>
/// <param name="Name">What the step adds, for people.</param>
/// <param name="Sql">The statements.</param>
internal sealed record Migration(int Version, string Name, string Sql);
