using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using LiveNews.Feeds.Safety;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LiveNews.Feeds.Fetching;

/// <summary>
/// Fetches feeds with conditional GET (ETag, Last-Modified), an honest User-Agent, redirects followed
/// by hand (each hop through the address guard of the handler; permanent ones reported), bodies capped
/// after decompression, a per-attempt timeout, jittered retries on transient failures, and a
/// concurrency limit per host. 304, 410, 429/503 with Retry-After come back as outcomes, not errors.
/// </summary>
public sealed class FeedFetcher : IFeedFetcher
{
    private readonly HttpClient _client;
    private readonly FeedFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (SemaphoreSlim Gate, ResiliencePipeline<FetchResult> Pipeline)> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="client">A client whose handler does not follow redirects nor decompress (see <see cref="DestinationGuard.CreateHandler"/>).</param>
    public FeedFetcher(HttpClient client, FeedFetcherOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;

    }

    /// <summary>
    /// Per host: retries with jittered exponential backoff on transient failures, a circuit breaker (a
    /// host failing half its requests stops being asked for a while), and a timeout per attempt.
    /// </summary>
    private ResiliencePipeline<FetchResult> BuildPipeline()
    {
        var transient = new PredicateBuilder<FetchResult>()
            .Handle<HttpRequestException>(ex => ex.InnerException is not DestinationRefusedException)
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r.Outcome == FetchOutcome.Failed && r.StatusCode is >= 500 or 408);
        var pipeline = new ResiliencePipelineBuilder<FetchResult> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<FetchResult>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = transient,
            });
        }

        pipeline.AddCircuitBreaker(new Polly.CircuitBreaker.CircuitBreakerStrategyOptions<FetchResult>
        {
            FailureRatio = 0.5,
            MinimumThroughput = _options.CircuitMinimumThroughput,
            SamplingDuration = TimeSpan.FromMinutes(2),
            BreakDuration = _options.CircuitBreakDuration,
            ShouldHandle = transient,
        });
        return pipeline.AddTimeout(_options.AttemptTimeout).Build();
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken)
    {
        var (gate, pipeline) = _hosts.GetOrAdd(url.Host, _ => (new SemaphoreSlim(_options.MaxConcurrentPerHost), BuildPipeline()));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await pipeline.ExecuteAsync(async ct => await FetchOnceAsync(url, conditions, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return Failed(ex.InnerException is DestinationRefusedException refused ? refused.Message : ex.Message);
        }
        catch (TimeoutRejectedException)
        {
            return Failed($"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s");
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            return Failed($"{url.Host} failed too often; not asked again for {_options.CircuitBreakDuration.TotalSeconds:0} s");
        }
        catch (IOException ex)
        {
            return Failed(ex.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FetchResult> FetchOnceAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken)
    {
        Uri? permanent = null;
        var current = url;
        for (var hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5");
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            if (conditions.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (conditions.LastModified is { Length: > 0 } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }

            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (status is 301 or 308 && hop == 0)
                {
                    permanent = next;
                }

                current = next;
                continue;
            }

            var retryAfter = RetryAfter(response);
            switch (status)
            {
                case 304:
                    return new FetchResult { Outcome = FetchOutcome.NotModified, StatusCode = status, ETag = conditions.ETag, LastModified = conditions.LastModified, FreshFor = FreshFor(response), PermanentRedirect = permanent, FinalUrl = current };
                case 410:
                    return new FetchResult { Outcome = FetchOutcome.Gone, StatusCode = status, Error = "410 Gone: the feed was removed", FinalUrl = current };
                case 429 or 503 when retryAfter is not null || status == 429:
                    return new FetchResult { Outcome = FetchOutcome.Throttled, StatusCode = status, RetryAfter = retryAfter, Error = $"{status}: asked to retry later", FinalUrl = current };
            }

            if (status is < 200 or >= 300)
            {
                return new FetchResult { Outcome = FetchOutcome.Failed, StatusCode = status, Error = $"HTTP {status} {response.ReasonPhrase}", FinalUrl = current };
            }

            var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return new FetchResult { Outcome = FetchOutcome.Failed, StatusCode = status, Error = $"the body is larger than {_options.MaxBodyBytes} bytes (after decoding)", FinalUrl = current };
            }

            return new FetchResult
            {
                Outcome = FetchOutcome.Fetched,
                StatusCode = status,
                Body = body,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                FreshFor = FreshFor(response),
                PermanentRedirect = permanent,
                FinalUrl = current,
            };
        }

        return Failed($"more than {_options.MaxRedirects} redirects");
    }

    private async Task<byte[]?> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _options.MaxBodyBytes && response.Content.Headers.ContentEncoding.Count == 0)
        {
            return null;
        }

        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        Stream stream = raw;
        foreach (var encoding in response.Content.Headers.ContentEncoding.Reverse())
        {
            stream = encoding.ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                _ => stream,
            };
        }

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan? FreshFor(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return maxAge;
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var fresh = expires - _time.GetUtcNow();
            return fresh > TimeSpan.Zero ? fresh : TimeSpan.Zero;
        }

        return null;
    }

    private static FetchResult Failed(string error) => new() { Outcome = FetchOutcome.Failed, Error = error };
}
