using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Label], [Annotation]: keys, values, the keys K8sGen owns, uniqueness, total size.</summary>
internal static class MetadataRules
{
    private const int MaxAnnotationBytes = 256 * 1024;

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var labelKeys = Scratch.Set<string>();
        foreach (var label in model.Labels)
        {
            if (CheckKey("Label", label, labelKeys.Items, WellKnown.IsManagedLabel, diagnostics) && KubernetesFormats.LabelValue(label.Value.Value) is { } valueError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidLabelValue, label.Value.Location, label.Value.Value ?? string.Empty, valueError));
            }
        }

        using var annotationKeys = Scratch.Set<string>();
        var bytes = 0;
        foreach (var annotation in model.Annotations)
        {
            CheckKey("Annotation", annotation, annotationKeys.Items, model.Scrape is not null ? WellKnown.IsPrometheusAnnotation : static _ => false, diagnostics);
            bytes += Encoding.UTF8.GetByteCount(annotation.Key.Value ?? string.Empty) + Encoding.UTF8.GetByteCount(annotation.Value.Value ?? string.Empty);
        }

        if (bytes > MaxAnnotationBytes)
        {
            diagnostics.Add(DiagnosticInfo.Create(AnnotationsTooLarge, model.Annotations[0].Attribute, model.Name.Value, bytes.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static bool CheckKey(string what, KeyValueModel entry, HashSet<string> seen, Func<string, bool> isReserved, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var key = entry.Key.Value;

        // The API server lowercases annotation keys before checking them; label keys are checked as written.
        var checkedKey = what == "Annotation" ? key?.ToLowerInvariant() : key;
        if (KubernetesFormats.LabelKey(checkedKey) is { } keyError)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidLabelKey, entry.Key.Location, what, key ?? string.Empty, keyError));
            return false;
        }

        if (isReserved(key!))
        {
            var name = key!.Substring(key.IndexOf('/') + 1);
            diagnostics.Add(DiagnosticInfo.Create(ReservedLabel, entry.Key.Location, what, key, name));
            return false;
        }

        if (!seen.Add(key!))
        {
            diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, entry.Key.Location, what, key!));
            return false;
        }

        return true;
    }
}
