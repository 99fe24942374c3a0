// Kith.Storage: the SQLite implementation of Kith.Protocol's store interfaces, value encryption and migrations
// (docs/ARCHITECTURE.md). Unlike the layers below it, this one does I/O.
[assembly: System.CLSCompliant(false)]
