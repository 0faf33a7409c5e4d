namespace LiveNews.Server.Hosting;

/// <summary>
/// Kubernetes: when the pod's name, namespace and IP are in the environment (the Deployment passes them
/// with the downward API), the silo uses Orleans' Kubernetes hosting: pod name as silo name, pod IP as
/// advertised address, cluster and service ids from the pod's labels, and removal of silos whose pods are gone.
/// </summary>
public static class KubernetesHosting
{
    public static bool IsKubernetes(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["POD_NAME"]) && !string.IsNullOrEmpty(configuration["POD_NAMESPACE"]) && !string.IsNullOrEmpty(configuration["POD_IP"]);
}
