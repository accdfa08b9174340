#include "expand/json_output.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

#include "expand/python_json.h"
#include "expand/tree_path.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

template <typename Writer>
void write(Writer& writer, const Node& node) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      writer.Null();
      return;
    case model::NodeKind::kBool:
      writer.Bool(node.boolValue());
      return;
    case model::NodeKind::kInt:
    case model::NodeKind::kFloat: {
      // Python's repr keeps `.0` on integral floats, as SAM's json output does.
      std::string text = pythonNumber(node);
      writer.RawValue(text.data(), text.size(), rapidjson::kNumberType);
      return;
    }
    case model::NodeKind::kString:
      writer.String(node.text().data(), static_cast<rapidjson::SizeType>(node.text().size()));
      return;
    case model::NodeKind::kSequence:
      writer.StartArray();
      for (const Node& item : node.items()) write(writer, item);
      writer.EndArray();
      return;
    case model::NodeKind::kMapping:
      writer.StartObject();
      for (const MapEntry& entry : node.entries()) {
        writer.Key(entry.key.text().data(),
                   static_cast<rapidjson::SizeType>(entry.key.text().size()));
        write(writer, entry.value);
      }
      writer.EndObject();
      return;
  }
}

bool plainSafe(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.' && c != '/')
      return false;
  }
  // Words YAML 1.1 would read as something other than a string.
  static const char* kReserved[] = {"y",     "Y",     "yes",  "Yes",  "YES",  "n",    "N",
                                    "no",    "No",    "NO",   "true", "True", "TRUE", "false",
                                    "False", "FALSE", "on",   "On",   "ON",   "off",  "Off",
                                    "OFF",   "null",  "Null", "NULL", "~"};
  for (const char* word : kReserved) {
    if (text == word) return false;
  }
  bool numeric = true;
  for (char c : text) {
    if (!isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      numeric = false;
  }
  // A leading digit, sign or dot could read as a number somewhere (1e3, 0x1F, .5): quote it.
  return !numeric && !isdigit(static_cast<unsigned char>(text[0])) && text[0] != '-' &&
         text[0] != '.';
}

// RapidJSON writes DEL (0x7f) raw, which YAML readers (PyYAML, and so SAM) refuse; json.dumps
// writes it \u007f. Outside strings JSON text has no DEL, and no UTF-8 sequence holds the byte.
std::string escapeDel(std::string json) {
  for (size_t at = json.find('\x7f'); at != std::string::npos; at = json.find('\x7f', at + 6))
    json.replace(at, 1, "\\u007f");
  return json;
}

std::string quoted(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return escapeDel(buffer.GetString());
}

// A number as PyYAML's representer writes it, so that it reads back as the same number: YAML 1.1
// spells the non-finite floats `.nan`, `.inf` and `-.inf`, and needs a `.` in an exponent form.
std::string yamlNumber(const Node& node) {
  if (node.isFloat() && std::isnan(node.floatValue())) return ".nan";
  if (node.isFloat() && std::isinf(node.floatValue()))
    return node.floatValue() > 0 ? ".inf" : "-.inf";
  std::string text = pythonNumber(node);
  size_t exponent = text.find('e');
  if (exponent != std::string::npos && text.find('.') == std::string::npos)
    text.insert(exponent, ".0");
  return text;
}

std::string scalarYaml(const Node& node) {
  switch (node.kind()) {
    case model::NodeKind::kNull:
      return "null";
    case model::NodeKind::kBool:
      return node.boolValue() ? "true" : "false";
    case model::NodeKind::kInt:
    case model::NodeKind::kFloat:
      return yamlNumber(node);
    default:
      return plainSafe(node.text()) ? node.text() : quoted(node.text());
  }
}

// The short-form tag of a one-key intrinsic mapping (`Fn::GetAtt` → `!GetAtt`), or empty.
std::string shortTag(const Node& node) {
  if (!node.isIntrinsic()) return {};
  std::string_view name = node.intrinsicName();
  if (name == "Ref" || name == "Condition") return "!" + std::string(name);
  if (name.substr(0, 4) == "Fn::") return "!" + std::string(name.substr(4));
  return {};
}

void writeYaml(std::string& out, const Node& node, int indent);

void writeValue(std::string& out, const Node& node, int indent) {
  std::string tag = shortTag(node);
  if (!tag.empty()) {
    const Node& arg = node.intrinsicArgument();
    out += " " + tag;
    if (arg.isScalar()) {
      out += " " + scalarYaml(arg) + "\n";
    } else if ((arg.isSequence() && arg.items().empty()) ||
               (arg.isMapping() && arg.entries().empty())) {
      out += arg.isSequence() ? " []\n" : " {}\n";
    } else if (!shortTag(arg).empty()) {
      // An intrinsic inside a tag (SAM's `{"Condition": {"Condition": C}}`): in long form, as
      // two tags in a row do not parse.
      const MapEntry& inner = arg.entries()[0];
      out += "\n" + std::string(static_cast<size_t>(indent + 2), ' ') +
             scalarYaml(Node::string(inner.key.text())) + ":";
      writeValue(out, inner.value, indent + 2);
    } else {
      out += "\n";
      writeYaml(out, arg, indent + 2);
    }
    return;
  }
  if (node.isScalar()) {
    out += " " + scalarYaml(node) + "\n";
  } else if (node.isSequence() && node.items().empty()) {
    out += " []\n";
  } else if (node.isMapping() && node.entries().empty()) {
    out += " {}\n";
  } else {
    out += "\n";
    writeYaml(out, node, indent + 2);
  }
}

void writeYaml(std::string& out, const Node& node, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (node.isMapping() && shortTag(node).empty()) {
    for (const MapEntry& entry : node.entries()) {
      out += pad + scalarYaml(Node::string(entry.key.text())) + ":";
      writeValue(out, entry.value, indent);
    }
  } else if (node.isSequence()) {
    for (const Node& item : node.items()) {
      if (item.isMapping() && !item.entries().empty() && shortTag(item).empty()) {
        // `- Key: value` with the rest of the mapping aligned under the first key.
        std::string nested;
        writeYaml(nested, item, indent + 2);
        out += pad + "- " + nested.substr(static_cast<size_t>(indent + 2));
        continue;
      }
      out += pad + "-";
      writeValue(out, item, indent);
    }
  } else {
    out += pad;
    std::string piece;
    writeValue(piece, node, indent - 2);
    out += piece.substr(1);
  }
}

}  // namespace

core::Result<std::string> toJson(const Node& node) {
  std::string path;
  auto nonFinite = [](const Node& n) { return n.isFloat() && !std::isfinite(n.floatValue()); };
  if (const Node* value = findWithPath(node, nonFinite, path)) {
    // SAM's json.dumps would write NaN or Infinity, which is not JSON: CloudFormation rejects it.
    return core::Error{core::ErrorKind::kInput,
                       path + " is " + yamlNumber(*value) +
                           ", which JSON cannot hold (SAM would write " +
                           pythonFloatRepr(value->floatValue()) +
                           ", which CloudFormation rejects; --format yaml can write it)"};
  }
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  write(writer, node);
  return escapeDel(std::string(buffer.GetString(), buffer.GetSize())) + "\n";
}

std::string toYaml(const Node& node) {
  std::string out;
  writeYaml(out, node, 0);
  return out;
}

}  // namespace samshift::expand
