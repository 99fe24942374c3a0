using Kith.Node.Device;
using Kith.Node.Tests.Support;

namespace Kith.Node.Tests.Device;

public sealed class DeviceSetupTests
{
    [Fact]
    public void A_created_device_opens_again_with_the_same_keys_and_account()
    {
        string folder = TestNode.NewFolder();
        try
        {
            var account = DeviceSetup.Create(folder, TestNode.Passphrase, "Alice", TestNode.Options(40)).Value;
            Kith.Primitives.Ids.DeviceId device;
            using (LocalDevice first = LocalDevice.Open(folder, TestNode.Passphrase, TestNode.Options(41)).Value)
            {
                Assert.Equal(account, first.Account);
                Assert.Equal("Alice", first.LoadAccountLog().Current().DisplayName);
                Assert.True(first.LoadAccountLog().Current().IsMember(first.Device));
                device = first.Device;
            }

            using LocalDevice again = LocalDevice.Open(folder, TestNode.Passphrase, TestNode.Options(42)).Value;
            Assert.Equal(device, again.Device);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_second_init_in_the_same_folder_is_refused_and_keeps_the_first_device()
    {
        string folder = TestNode.NewFolder();
        try
        {
            var account = DeviceSetup.Create(folder, TestNode.Passphrase, "Alice", TestNode.Options(43)).Value;

            Assert.Equal("node.already_initialised", DeviceSetup.Create(folder, TestNode.Passphrase, "Mallory", TestNode.Options(44)).Error!.Code);

            using LocalDevice device = LocalDevice.Open(folder, TestNode.Passphrase, TestNode.Options(45)).Value;
            Assert.Equal(account, device.Account);
            Assert.Equal("Alice", device.LoadAccountLog().Current().DisplayName);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_wrong_passphrase_or_an_empty_folder_is_one_error()
    {
        string folder = TestNode.NewFolder();
        try
        {
            Assert.Equal("node.not_initialised", LocalDevice.Open(folder, TestNode.Passphrase, TestNode.Options(46)).Error!.Code);
            DeviceSetup.Create(folder, TestNode.Passphrase, null, TestNode.Options(47)).Value.ToString();

            Assert.Equal("storage.wrong_passphrase", LocalDevice.Open(folder, "wrong"u8, TestNode.Options(48)).Error!.Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_name_with_control_characters_is_refused_before_any_file_is_written()
    {
        string folder = TestNode.NewFolder();
        try
        {
            Assert.Equal("node.bad_display_name", DeviceSetup.Create(folder, TestNode.Passphrase, "Al\u001b[31mice", TestNode.Options(49)).Error!.Code);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
