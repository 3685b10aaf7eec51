using System;

namespace K8sGen
{
    /// <summary>A label on every object of the workload and on its pods (not on the selector).</summary>
    /// <example><code>[Label("team", "payments")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class LabelAttribute : Attribute
    {
        /// <summary>Declares a label.</summary>
        /// <param name="key">The key, <c>[prefix/]name</c>; <c>app.kubernetes.io/*</c> keys are K8sGen's own.</param>
        /// <param name="value">The value: at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric.</param>
        public LabelAttribute(string key, string value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>The label's key.</summary>
        public string Key { get; }

        /// <summary>The label's value.</summary>
        public string Value { get; }
    }

    /// <summary>An annotation on every object of the workload and on its pods.</summary>
    /// <example><code>[Annotation("owner", "payments@shop.example")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AnnotationAttribute : Attribute
    {
        /// <summary>Declares an annotation.</summary>
        /// <param name="key">The key, <c>[prefix/]name</c> as for labels.</param>
        /// <param name="value">Any text.</param>
        public AnnotationAttribute(string key, string value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>The annotation's key.</summary>
        public string Key { get; }

        /// <summary>The annotation's value.</summary>
        public string Value { get; }
    }
}
