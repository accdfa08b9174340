#include "sam/embedded_data.h"

#include <cstddef>
#include <string>
#include <utility>

namespace samshift::sam {

// Defined in the source that scripts/embed_files.py generates (src/sam/meson.build).
extern const std::pair<std::string_view, std::string_view> kEmbeddedSamData[];
extern const std::size_t kEmbeddedSamDataCount;

std::string_view embeddedSamData(std::string_view stem) {
  for (std::size_t i = 0; i < kEmbeddedSamDataCount; ++i) {
    if (kEmbeddedSamData[i].first == stem) return kEmbeddedSamData[i].second;
  }
  return {};
}

model::Node jsonToNode(const rapidjson::Value& value, const JsonObjectHook& object) {
  using model::Node;
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return Node::null();
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return Node::boolean(value.GetBool());
    case rapidjson::kNumberType:
      return value.IsInt64() ? Node::integer(value.GetInt64()) : Node::floating(value.GetDouble());
    case rapidjson::kStringType:
      return Node::string(std::string(value.GetString(), value.GetStringLength()));
    case rapidjson::kArrayType: {
      Node list = Node::sequence();
      list.items().reserve(value.Size());
      for (const rapidjson::Value& item : value.GetArray()) list.push(jsonToNode(item, object));
      return list;
    }
    case rapidjson::kObjectType:
      break;
  }
  if (object) {
    if (std::optional<Node> made = object(value)) return std::move(*made);
  }
  Node map = Node::mapping();
  map.entries().reserve(value.MemberCount());
  for (const auto& member : value.GetObject()) {
    map.entries().push_back(model::MapEntry{
        Node::string(std::string(member.name.GetString(), member.name.GetStringLength())),
        jsonToNode(member.value, object)});
  }
  return map;
}

}  // namespace samshift::sam
