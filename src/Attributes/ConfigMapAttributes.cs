using System;

namespace K8sGen
{
    /// <summary>
    /// A ConfigMap the workload writes and reads, named <c>name-&lt;hash of its content&gt;</c> as kustomize's
    /// generators name theirs: a change of the content is a new name, so the pods roll and pick it up (and a rollback
    /// brings the old content back). Either from a file of the project, <see cref="FromFile"/>, mounted read-only where
    /// ASP.NET Core reads it (<c>/app/&lt;file name&gt;</c>, the app's content root in the .NET images), or from
    /// <see cref="ConfigMapEntryAttribute"/>s, which reach the main container as environment variables
    /// (<c>envFrom</c>; <c>Shop__Greeting</c> is the configuration key <c>Shop:Greeting</c>).
    /// </summary>
    /// <example><code>[ConfigMap("shop-settings", FromFile = "appsettings.Production.json")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConfigMapAttribute : Attribute
    {
        /// <summary>Declares a ConfigMap.</summary>
        /// <param name="name">The name before the hash: a DNS-1123 label (it also names the pod's volume), e.g. <c>shop-settings</c>.</param>
        public ConfigMapAttribute(string name) => Name = name;

        /// <summary>The name before the hash.</summary>
        public string Name { get; }

        /// <summary>
        /// A file of the project, relative to the project folder (e.g. <c>appsettings.Production.json</c>), that becomes
        /// the ConfigMap's one key. It must be one of the project's <c>AdditionalFiles</c>: K8sGen adds every
        /// <c>appsettings*.json</c>; add others with <c>&lt;AdditionalFiles Include="config/app.json" /&gt;</c>. At most 1 MiB.
        /// </summary>
        public string? FromFile { get; set; }

        /// <summary>Where the file appears in the main container. Default: <c>/app/&lt;file name&gt;</c>, where ASP.NET Core reads its appsettings.</summary>
        public string? MountPath { get; set; }
    }

    /// <summary>
    /// One key of a <see cref="ConfigMapAttribute"/> declared without <c>FromFile</c>; the main container gets every key as an
    /// environment variable (<c>envFrom</c>).
    /// </summary>
    /// <example><code>[ConfigMap("shop-settings")] [ConfigMapEntry("shop-settings", "Shop__Greeting", "Hello")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConfigMapEntryAttribute : Attribute
    {
        /// <summary>Declares a key of a ConfigMap.</summary>
        /// <param name="configMap">The name of a <see cref="ConfigMapAttribute"/> on the same class.</param>
        /// <param name="key">The key, an environment variable name (letters, digits, '_', not starting with a digit; <c>__</c> separates configuration sections).</param>
        /// <param name="value">The value.</param>
        public ConfigMapEntryAttribute(string configMap, string key, string value)
        {
            ConfigMap = configMap;
            Key = key;
            Value = value;
        }

        /// <summary>The ConfigMap's name.</summary>
        public string ConfigMap { get; }

        /// <summary>The key.</summary>
        public string Key { get; }

        /// <summary>The value.</summary>
        public string Value { get; }
    }
}
