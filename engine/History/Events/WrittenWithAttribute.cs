using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Routing.Engine.History.Events;

/// On a payload property: written (even as null) exactly when the named property has a value,
/// and left out otherwise. For a kind whose payload has always had two shapes.
[AttributeUsage(AttributeTargets.Property)]
internal sealed class WrittenWithAttribute(string property) : Attribute
{
    public string Property { get; } = property;

    /// The serializer's contract modifier that applies the attribute.
    public static void Apply(JsonTypeInfo type)
    {
        foreach (var p in type.Properties)
        {
            if (p.AttributeProvider?.GetCustomAttributes(typeof(WrittenWithAttribute), false).FirstOrDefault() is not WrittenWithAttribute with)
                continue;
            var other = type.Properties.Single(o => o.AttributeProvider is PropertyInfo info && info.Name == with.Property);
            p.ShouldSerialize = (payload, _) => other.Get!(payload) is not null;
        }
    }
}
