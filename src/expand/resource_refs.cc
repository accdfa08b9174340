#include "expand/resource_refs.h"

#include "expand/builders.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// `X.Prop` → the generated ID, when X recorded Prop.
std::optional<std::string> resolveProperty(const ExpandContext& ctx, std::string_view dotted) {
  size_t dot = dotted.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto it = ctx.refs.find(dotted.substr(0, dot));
  if (it == ctx.refs.end()) return std::nullopt;
  auto prop = it->second.find(std::string(dotted.substr(dot + 1)));
  if (prop == it->second.end()) return std::nullopt;
  return prop->second;
}

using Renamed = std::map<std::string, std::string, std::less<>>;

// Python's str.replace: every occurrence.
std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string rewriteSub(const std::string& text, const ExpandContext& ctx, const Renamed& renamed) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      size_t j = i + 2;
      while (j < text.size() && (isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.'))
        ++j;
      if (j < text.size() && text[j] == '}' && j > i + 2) {
        std::string name = text.substr(i + 2, j - i - 2);
        // `X.Alias` or `X.Alias.Attr`: the first two parts name the property.
        size_t first = name.find('.');
        size_t second = first == std::string::npos ? std::string::npos : name.find('.', first + 1);
        std::string head = name.substr(0, second);
        std::string tail = second == std::string::npos ? "" : name.substr(second);
        std::string ref = "${" + name + "}";
        if (auto id = resolveProperty(ctx, head)) {
          ref = "${" + *id + tail + "}";
        } else if (auto it = renamed.find(name.substr(0, first)); it != renamed.end()) {
          // SubAction.resolve_resource_id_refs: full_ref.replace(logical_id, new_id).
          ref = replaceAll(ref, it->first, it->second);
        }
        out += ref;
        i = j + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

void rewriteResourceRefs(Node& node, const ExpandContext& ctx,
                         const std::map<std::string, std::string, std::less<>>& renamed) {
  if (node.isIntrinsic()) {
    std::string_view name = node.intrinsicName();
    Node& arg = node.entries()[0].value;
    if (name == "Ref" && arg.isString()) {
      if (auto id = resolveProperty(ctx, arg.text())) {
        arg = str(*id);
      } else if (auto it = renamed.find(arg.text()); it != renamed.end()) {
        arg = str(it->second);
      }
      return;
    }
    if (name == "Fn::GetAtt") {
      std::string joined;
      if (arg.isString()) {
        joined = arg.text();
      } else if (arg.isSequence() && arg.items().size() == 2 && arg.items()[0].isString() &&
                 arg.items()[1].isString()) {
        joined = arg.items()[0].text() + "." + arg.items()[1].text();
      }
      if (!joined.empty()) {
        size_t first = joined.find('.');
        size_t second =
            first == std::string::npos ? std::string::npos : joined.find('.', first + 1);
        if (auto id = resolveProperty(ctx, joined.substr(0, second))) {
          // GetAttAction._get_resolved_dictionary: [id, *remaining], the rest split at each dot.
          Node resolved = seq({str(*id)});
          for (size_t from = second; from != std::string::npos;) {
            size_t next = joined.find('.', from + 1);
            resolved.push(str(joined.substr(
                from + 1, next == std::string::npos ? std::string::npos : next - from - 1)));
            from = next;
          }
          node.entries()[0].value = std::move(resolved);
          return;
        }
        if (arg.isSequence()) {
          if (auto it = renamed.find(arg.items()[0].text()); it != renamed.end())
            arg.items()[0] = str(it->second);
        }
      }
    }
    if (name == "Fn::Sub") {
      if (arg.isString()) {
        arg = str(rewriteSub(arg.text(), ctx, renamed));
      } else if (arg.isSequence() && !arg.items().empty() && arg.items()[0].isString()) {
        arg.items()[0] = str(rewriteSub(arg.items()[0].text(), ctx, renamed));
      }
    }
  }
  if (node.isMapping()) {
    // ResolveDependsOn: a DependsOn anywhere in the template naming a renamed resource.
    if (Node* dependsOn = node.get("DependsOn")) {
      auto rename = [&](Node& id) {
        if (!id.isString()) return;
        if (auto it = renamed.find(id.text()); it != renamed.end()) id = str(it->second);
      };
      if (dependsOn->isSequence()) {
        for (Node& item : dependsOn->items()) rename(item);
      } else {
        rename(*dependsOn);
      }
    }
    for (MapEntry& entry : node.entries()) rewriteResourceRefs(entry.value, ctx, renamed);
  } else if (node.isSequence()) {
    for (Node& item : node.items()) rewriteResourceRefs(item, ctx, renamed);
  }
}

}  // namespace samshift::expand
