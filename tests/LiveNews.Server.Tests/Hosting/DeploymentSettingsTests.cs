using System.Diagnostics;
using System.Text.Json;
using LiveNews.Server.Hosting;
using YamlDotNet.RepresentationModel;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>The settings that docker-compose.yml and the Kubernetes manifests pass to a silo are ones LiveNews reads.</summary>
public class DeploymentSettingsTests
{
    private static string Root => LiveNews.Tests.Shared.Fixtures.RepositoryRoot;

    private static YamlMappingNode Load(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine([Root, .. path]));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode Child(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    [Theory]
    [InlineData("LiveNews__Redis")]
    [InlineData("LiveNews__Silo__AdvertisedAddress")]
    [InlineData("LiveNews:Webhooks:RetrySchedule:3")]
    [InlineData("LiveNews:Feeds:Subscriptions:0:Url")]
    [InlineData("LiveNews:Feeds:Schedule:MinInterval")]
    [InlineData("LiveNews:Stories:MatchThreshold")]
    [InlineData("Logging__LogLevel__Orleans")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void IsKnown_AcceptsWhatLiveNewsReads(string key)
    {
        Assert.True(ConfigurationCatalog.IsKnown(key), key);
    }

    [Theory]
    [InlineData("LiveNews__Silo__SiloPrt")]
    [InlineData("LiveNews__RedisConnection")]
    [InlineData("LiveNews:Webhooks:Retries")]
    [InlineData("OTEL_EXPORTER_ENDPOINT")]
    public void IsKnown_RefusesWhatNothingReads(string key)
    {
        Assert.False(ConfigurationCatalog.IsKnown(key), key);
    }

    [Fact]
    public void AppSettings_UsesOnlyKnownKeys()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "src", "LiveNews.Server", "appsettings.json")));
        var keys = new List<string>();
        Flatten(doc.RootElement, "", keys);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(ConfigurationCatalog.IsKnown(k), k));
    }

    [Fact]
    public void ComposeFile_PassesTheSiloOnlyKnownSettings_AndScalesBehindAnSseAwareBalancer()
    {
        var services = Child(Load("docker-compose.yml"), "services");
        var environment = (YamlMappingNode)Child(Child(services, "silo"), "environment");
        var keys = environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

        Assert.Contains("LiveNews__Redis", keys);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", keys);
        Assert.All(keys, k => Assert.True(ConfigurationCatalog.IsKnown(k), $"docker-compose.yml passes {k}, which LiveNews does not read"));

        // Scalable: the silo publishes no fixed host port; the balancer does.
        Assert.False(((YamlMappingNode)Child(services, "silo")).Children.ContainsKey(new YamlScalarNode("ports")));
        foreach (var name in new[] { "redis", "lb", "otel-collector", "jaeger", "prometheus" })
        {
            Assert.True(((YamlMappingNode)services).Children.ContainsKey(new YamlScalarNode(name)), name);
        }

        var locations = File.ReadAllText(Path.Combine(Root, "deploy", "nginx", "livenews-locations.conf"));
        var events = locations[locations.IndexOf("location /api/events", StringComparison.Ordinal)..];
        Assert.Contains("proxy_buffering off;", events[..events.IndexOf('}', StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void KubernetesDeployment_PassesOnlyKnownSettings_WithProbesAndOrleansLabels()
    {
        var deployment = Load("deploy", "kubernetes", "deployment.yaml");
        var template = Child(Child(deployment, "spec"), "template");
        var container = (YamlMappingNode)((YamlSequenceNode)Child(Child(template, "spec"), "containers")).Children[0];
        var names = ((YamlSequenceNode)Child(container, "env")).Children.Select(e => ((YamlScalarNode)Child(e, "name")).Value!).ToList();

        Assert.Contains("POD_IP", names);
        Assert.Contains("LiveNews__Redis", names);
        Assert.All(names, n => Assert.True(ConfigurationCatalog.IsKnown(n), $"deployment.yaml passes {n}, which LiveNews does not read"));
        Assert.Equal("/readyz", ((YamlScalarNode)Child(Child(Child(container, "readinessProbe"), "httpGet"), "path")).Value);
        Assert.Equal("/healthz", ((YamlScalarNode)Child(Child(Child(container, "livenessProbe"), "httpGet"), "path")).Value);
        var labels = (YamlMappingNode)Child(Child(template, "metadata"), "labels");
        Assert.True(labels.Children.ContainsKey(new YamlScalarNode("orleans/serviceId")));
        Assert.True(labels.Children.ContainsKey(new YamlScalarNode("orleans/clusterId")));

        var kustomization = File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "kustomization.yaml"));
        foreach (var file in new[] { "rbac.yaml", "deployment.yaml", "service.yaml", "pdb.yaml" })
        {
            Assert.Contains(file, kustomization, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Root, "deploy", "kubernetes", file)), file);
        }
    }

    [Fact]
    public async Task ComposeFile_IsAcceptedByDockerCompose()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/docker-compose") && Environment.GetEnvironmentVariable("CI") != "true",
            "docker-compose is not installed here (apt-get install docker-compose)");
        var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("config");
        start.ArgumentList.Add("--quiet");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
    }

    private static void Flatten(JsonElement element, string prefix, List<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name, keys);
            }
        }
        else
        {
            keys.Add(prefix);
        }
    }
}
