using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Routing.Engine.Store;

namespace Routing.Host.Access;

/// One Data Protection key ring for all hosts (Routing:DataProtection:KeysFolder), under one
/// application name: otherwise each host's ring, and its content root, set its tokens apart.
internal static class KeyRing
{
    public static IServiceCollection AddRoutingKeyRing(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section)
            .Check(o => o.KeysFolder is { } folder && string.IsNullOrWhiteSpace(folder) ? $"{KeyRingOptions.Section}:KeysFolder must name a folder." : null)
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("Routing");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, ILoggerFactory>((keys, ring, logs) =>
        {
            if (ring.Value.KeysFolder is not { Length: > 0 } folder) return;
            PrivateFiles.CreateFolder(Path.GetFullPath(folder));
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(folder)), logs);
        });
        return services;
    }
}
