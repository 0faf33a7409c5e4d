namespace LiveNews.Grains.Webhooks;

/// <summary>Reads the "stories" stream (an implicit subscription, keyed by the stream's key) and hands matching events to webhook endpoints.</summary>
public interface IWebhookDispatcherGrain : IGrainWithStringKey;
