using System.Net;
using System.Net.Sockets;

namespace LiveNews.Server.Hosting;

/// <summary>Finds a free TCP port on loopback (for silos started in-process by tests and by replay).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
