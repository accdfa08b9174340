#include "lsp/json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/utf8.h"

namespace samshift::lsp {

const Json* member(const Json& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(Json(rapidjson::StringRef(name.data(), name.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::optional<std::string_view> stringAt(const Json& object, std::string_view name) {
  const Json* value = member(object, name);
  if (!value || !value->IsString()) return std::nullopt;
  return std::string_view(value->GetString(), value->GetStringLength());
}

std::optional<int64_t> intAt(const Json& object, std::string_view name) {
  const Json* value = member(object, name);
  if (!value || !value->IsInt64()) return std::nullopt;
  return value->GetInt64();
}

std::optional<bool> boolAt(const Json& object, std::string_view name) {
  const Json* value = member(object, name);
  if (!value || !value->IsBool()) return std::nullopt;
  return value->GetBool();
}

std::string validUtf8(std::string_view text) {
  if (core::findInvalidUtf8(text) == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  size_t index = 0;
  while (index < text.size()) core::appendUtf8(out, core::decodeUtf8(text, index));
  return out;
}

Json jsonString(std::string_view text, JsonAlloc& alloc) {
  if (core::findInvalidUtf8(text) == std::string_view::npos) {
    return Json(text.data(), static_cast<rapidjson::SizeType>(text.size()), alloc);
  }
  std::string fixed = validUtf8(text);
  return Json(fixed.data(), static_cast<rapidjson::SizeType>(fixed.size()), alloc);
}

std::string serialize(const Json& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

ObjectBuilder& ObjectBuilder::add(std::string_view name, Json value) {
  value_.AddMember(Json(name.data(), static_cast<rapidjson::SizeType>(name.size()), alloc_),
                   std::move(value), alloc_);
  return *this;
}

}  // namespace samshift::lsp
