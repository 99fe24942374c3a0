using Kith.Api.Connection;

namespace Kith.Node.Tests.Device;

public sealed class DataFolderTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Data_overrides_everything() =>
        Assert.Equal("/srv/kith", DataFolder.Resolve("/srv/kith", Env(("XDG_DATA_HOME", "/x"), ("HOME", "/home/a"))));

    [Fact]
    public void XDG_DATA_HOME_is_used_when_absolute() =>
        Assert.Equal("/x/kith", DataFolder.Resolve(null, Env(("XDG_DATA_HOME", "/x"), ("HOME", "/home/a"))));

    [Theory]
    [InlineData("")]
    [InlineData("relative/path")]
    public void An_empty_or_relative_XDG_DATA_HOME_falls_back_to_home(string xdg) =>
        Assert.Equal("/home/a/.local/share/kith", DataFolder.Resolve(null, Env(("XDG_DATA_HOME", xdg), ("HOME", "/home/a"))));

    [Fact]
    public void The_folder_is_created_owner_only()
    {
        string parent = Directory.CreateTempSubdirectory("kith-folder-").FullName;
        try
        {
            string folder = Path.Combine(parent, "a", "kith");
            DataFolder.Ensure(folder);
            Assert.True(Directory.Exists(folder));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
