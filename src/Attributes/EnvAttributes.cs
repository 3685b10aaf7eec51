using System;

namespace K8sGen
{
    /// <summary>An environment variable with a literal value.</summary>
    /// <example><code>[Env("LOG_LEVEL", "info")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvAttribute : Attribute
    {
        /// <summary>Declares an environment variable.</summary>
        /// <param name="name">The variable's name, e.g. <c>LOG_LEVEL</c>.</param>
        /// <param name="value">Its value, taken literally.</param>
        public EnvAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The variable's name: letters, digits, '_', '-' and '.', not starting with a digit.</summary>
        public string Name { get; }

        /// <summary>The variable's value, taken literally.</summary>
        public string Value { get; }
    }

    /// <summary>An environment variable read from a key of a Secret.</summary>
    /// <example><code>[EnvFromSecret("DB_PASSWORD", Secret = "db", Key = "password")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvFromSecretAttribute : Attribute
    {
        /// <summary>Declares an environment variable filled from a Secret.</summary>
        /// <param name="name">The variable's name.</param>
        public EnvFromSecretAttribute(string name) => Name = name;

        /// <summary>The variable's name.</summary>
        public string Name { get; }

        /// <summary>The Secret's name (required).</summary>
        public string? Secret { get; set; }

        /// <summary>The key inside the Secret (required).</summary>
        public string? Key { get; set; }
    }

    /// <summary>An environment variable read from a key of a ConfigMap.</summary>
    /// <example><code>[EnvFromConfigMap("FEATURE_FLAGS", ConfigMap = "flags", Key = "all")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvFromConfigMapAttribute : Attribute
    {
        /// <summary>Declares an environment variable filled from a ConfigMap.</summary>
        /// <param name="name">The variable's name.</param>
        public EnvFromConfigMapAttribute(string name) => Name = name;

        /// <summary>The variable's name.</summary>
        public string Name { get; }

        /// <summary>The ConfigMap's name (required).</summary>
        public string? ConfigMap { get; set; }

        /// <summary>The key inside the ConfigMap (required).</summary>
        public string? Key { get; set; }
    }
}
