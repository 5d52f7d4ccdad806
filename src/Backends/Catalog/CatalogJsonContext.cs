using System.Text.Json.Serialization;

namespace Studies.Backends.Catalog;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
