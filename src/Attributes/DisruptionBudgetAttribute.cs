using System;

namespace K8sGen
{
    /// <summary>
    /// A <c>policy/v1</c> PodDisruptionBudget: how many pods must stay up (or may be down) while nodes are
    /// drained. Set exactly one of <see cref="MinAvailable"/> and <see cref="MaxUnavailable"/>.
    /// </summary>
    /// <example><code>[DisruptionBudget(MinAvailable = "50%")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DisruptionBudgetAttribute : Attribute
    {
        /// <summary>Pods that must stay available, as a number (<c>"2"</c>) or a percentage (<c>"50%"</c>).</summary>
        public string? MinAvailable { get; set; }

        /// <summary>Pods that may be unavailable, as a number (<c>"1"</c>) or a percentage (<c>"25%"</c>).</summary>
        public string? MaxUnavailable { get; set; }
    }
}
