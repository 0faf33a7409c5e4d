using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace LiveNews.Feeds.Safety;

/// <summary>
/// Connects HTTP clients only to public addresses, unless the operator allows private ones. Checked at
/// connect time (plug <see cref="ConnectAsync"/> into <see cref="SocketsHttpHandler.ConnectCallback"/>),
/// so redirects and DNS answers that change between check and use are covered too.
/// </summary>
public sealed class DestinationGuard
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Func<string, int, bool>? _trusted;

    /// <param name="allowPrivate">True to allow loopback and private addresses (tests, trusted networks).</param>
    /// <param name="resolve">DNS resolution; defaults to the system resolver.</param>
    /// <param name="trusted">Host and port pairs the operator trusts even on private addresses (LiveNews's own demo feed).</param>
    public DestinationGuard(bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, Func<string, int, bool>? trusted = null)
    {
        AllowPrivate = allowPrivate;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        _trusted = trusted;
    }

    public bool AllowPrivate { get; }

    /// <summary>A connect callback for <see cref="SocketsHttpHandler"/>.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await _resolve(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var trusted = _trusted?.Invoke(endpoint.Host, endpoint.Port) == true;
        var allowed = addresses.Where(a => AllowPrivate || trusted || AddressClassifier.IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new DestinationRefusedException(
                addresses.Length == 0
                    ? $"'{endpoint.Host}' has no address"
                    : $"'{endpoint.Host}' resolves to a loopback or private address ({string.Join(", ", addresses.Select(a => a.ToString()))}); refused");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A handler that connects through this guard and does not follow redirects by itself.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
