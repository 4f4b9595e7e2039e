using System.Net;
using System.Net.Sockets;

namespace Gates.LatencyBench.Tests.Support;

internal static class Ports
{
    /// <summary>A loopback port that was free a moment ago and has nothing listening on it now.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
