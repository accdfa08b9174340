#pragma once
// RapidJSON helpers for the protocol: typed member access on incoming messages and building
// outgoing ones. Strings going out are made valid UTF-8 (a template may not be), so every message
// we write is valid JSON.

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samshift::lsp {

using Json = rapidjson::Value;
using JsonAlloc = rapidjson::MemoryPoolAllocator<>;

const Json* member(const Json& object, std::string_view name);
std::optional<std::string_view> stringAt(const Json& object, std::string_view name);
std::optional<int64_t> intAt(const Json& object, std::string_view name);
std::optional<bool> boolAt(const Json& object, std::string_view name);

// A copied JSON string, with invalid UTF-8 replaced by U+FFFD.
Json jsonString(std::string_view text, JsonAlloc& alloc);
std::string validUtf8(std::string_view text);

std::string serialize(const Json& value);

// Small builder: object().add("k", v) chains.
class ObjectBuilder {
 public:
  explicit ObjectBuilder(JsonAlloc& alloc) : alloc_(alloc), value_(rapidjson::kObjectType) {}
  ObjectBuilder& add(std::string_view name, Json value);
  ObjectBuilder& add(std::string_view name, std::string_view text) {
    return add(name, jsonString(text, alloc_));
  }
  ObjectBuilder& add(std::string_view name, const char* text) {
    return add(name, std::string_view(text));
  }
  ObjectBuilder& add(std::string_view name, const std::string& text) {
    return add(name, std::string_view(text));
  }
  ObjectBuilder& add(std::string_view name, int64_t number) { return add(name, Json(number)); }
  ObjectBuilder& add(std::string_view name, int number) { return add(name, Json(number)); }
  ObjectBuilder& add(std::string_view name, uint32_t number) { return add(name, Json(number)); }
  ObjectBuilder& add(std::string_view name, bool flag) { return add(name, Json(flag)); }
  Json take() { return std::move(value_); }

 private:
  JsonAlloc& alloc_;
  Json value_;
};

}  // namespace samshift::lsp
