#include "sam/execute_api_arns.h"

#include <cctype>

#include "model/intrinsics.h"

namespace samshift::sam {

namespace {

using model::Node;

// An API of the template in a pattern: its logical ID between two bytes no ARN contains, so that
// only a wildcard or the same API matches it.
constexpr char kApiMark = '\x01';
// A path parameter's value in a call: no literal of a pattern matches it, only a wildcard.
constexpr char kAnyValue = '\x02';
// Nesting of intrinsics read before giving up (as `*`).
constexpr int kMaxDepth = 32;

std::string apiToken(std::string_view id) {
  return std::string(1, kApiMark) + std::string(id) + std::string(1, kApiMark);
}

bool isApiResource(const model::Template& templ, std::string_view id) {
  const model::ResourceView* resource = templ.resource(id);
  if (!resource) return false;
  std::string_view type = resource->type;
  return type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi" ||
         type == "AWS::ApiGateway::RestApi" || type == "AWS::ApiGatewayV2::Api";
}

class PatternWriter {
 public:
  PatternWriter(const model::Template& templ, const ParameterValues& params)
      : templ_(templ), params_(params) {}

  std::string write(const Node& node, int depth) const {
    if (depth > kMaxDepth) return "*";
    if (node.isString() || node.isInt()) return node.text();
    if (!node.isIntrinsic()) return "*";
    std::string_view name = node.intrinsicName();
    const Node& argument = node.intrinsicArgument();
    if (name == "Ref") {
      auto ref = model::refName(node);
      return ref ? named(std::string(*ref)) : "*";
    }
    if (name == "Fn::GetAtt") {
      auto att = model::getAttTarget(node);
      return att ? named(att->resource + "." + att->attribute) : "*";
    }
    if (name == "Fn::Sub") return sub(argument, depth);
    if (name == "Fn::Join") return join(argument, depth);
    return "*";
  }

 private:
  // `X` or `X.Attr`, from a Ref, a GetAtt or a `${}` of a Sub.
  std::string named(const std::string& name) const {
    size_t dot = name.find('.');
    if (dot != std::string::npos) {
      std::string base = name.substr(0, dot);
      std::string attribute = name.substr(dot + 1);
      bool id = attribute == "ApiId" || attribute == "RestApiId";
      return id && isApiResource(templ_, base) ? apiToken(base) : "*";
    }
    if (isApiResource(templ_, name)) return apiToken(name);
    if (model::isPseudoParameter(name) || templ_.resource(name)) return "*";
    const Node* value = params_.value(name);
    return value && (value->isString() || value->isInt()) ? value->text() : "*";
  }

  std::string sub(const Node& argument, int depth) const {
    const Node* text = &argument;
    const Node* variables = nullptr;
    if (argument.isSequence()) {
      if (argument.items().empty()) return "*";
      text = &argument.items()[0];
      if (argument.items().size() > 1) variables = &argument.items()[1];
    }
    if (!text->isString()) return "*";
    const std::string& body = text->text();
    std::string out;
    size_t at = 0;
    while (at < body.size()) {
      size_t open = body.find("${", at);
      if (open == std::string::npos) break;
      size_t close = body.find('}', open);
      if (close == std::string::npos) break;
      out += body.substr(at, open - at);
      std::string name = body.substr(open + 2, close - open - 2);
      if (!name.empty() && name[0] == '!') {
        out += "${" + name.substr(1) + "}";
      } else if (const Node* bound =
                     variables && variables->isMapping() ? variables->get(name) : nullptr) {
        out += write(*bound, depth + 1);
      } else {
        out += named(name);
      }
      at = close + 1;
    }
    return out + body.substr(std::min(at, body.size()));
  }

  std::string join(const Node& argument, int depth) const {
    if (!argument.isSequence() || argument.items().size() != 2 || !argument.items()[0].isString() ||
        !argument.items()[1].isSequence()) {
      return "*";
    }
    std::string out;
    const std::string& delimiter = argument.items()[0].text();
    const std::vector<Node>& parts = argument.items()[1].items();
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += delimiter;
      out += write(parts[i], depth + 1);
    }
    return out;
  }

  const model::Template& templ_;
  const ParameterValues& params_;
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// StringLike: `*` any run of characters, `?` one. Letters are compared without case, so that no
// finding rests on case alone.
bool globMatch(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// `{id}` and `{proxy+}` segments of a path: path parameters.
std::string replaceParameters(std::string_view path, std::string_view with) {
  std::string out;
  size_t at = 0;
  while (at < path.size()) {
    size_t open = path.find('{', at);
    size_t close = open == std::string_view::npos ? open : path.find('}', open);
    if (close == std::string_view::npos) break;
    out += std::string(path.substr(at, open - at)) + std::string(with);
    at = close + 1;
  }
  return out + std::string(path.substr(std::min(at, path.size())));
}

// SAM's path parameter (`SwaggerEditor.get_path_without_trailing_slash`):
// `\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\}`, the length of the one starting at `at`, or 0.
size_t samPathParameterAt(std::string_view path, size_t at) {
  auto nameChar = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  };
  if (path[at] != '{') return 0;
  size_t end = at + 1;
  while (end < path.size() && nameChar(path[end])) ++end;
  if (end == at + 1) return 0;
  if (end < path.size() && path[end] == '+') ++end;
  return end < path.size() && path[end] == '}' ? end + 1 - at : 0;
}

}  // namespace

std::string samPermissionResource(std::string_view method, std::string_view path) {
  std::string upper;
  for (char c : method) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string_view trimmed = path;
  if (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);  // SAM's `^(.+)/$`
  std::string out = upper == "ANY" ? "*" : upper;
  for (size_t at = 0; at < trimmed.size();) {
    if (size_t length = samPathParameterAt(trimmed, at)) {
      out += '*';
      at += length;
    } else {
      out += trimmed[at++];
    }
  }
  return out;
}

std::optional<std::string> samApiEventPermissionPattern(const SamEventCaller& caller) {
  if (caller.type != "Api" || caller.api.empty() || caller.method.empty() || caller.path.empty())
    return std::nullopt;
  return apiToken(caller.api) + "/*/" + samPermissionResource(caller.method, caller.path);
}

std::optional<std::string> executeApiSourcePattern(const Node& sourceArn,
                                                   const model::Template& templ,
                                                   const ParameterValues& params) {
  std::string arn = PatternWriter(templ, params).write(sourceArn, 0);
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
  size_t colon = 0;
  std::vector<size_t> colons;
  while (colons.size() < 5 && (colon = arn.find(':', colon)) != std::string::npos)
    colons.push_back(colon++);
  if (colons.size() < 5 || arn.compare(0, 4, "arn:") != 0) return std::nullopt;
  std::string service = arn.substr(colons[1] + 1, colons[2] - colons[1] - 1);
  if (service != "execute-api") return std::nullopt;
  return replaceParameters(arn.substr(colons[4] + 1), "*");
}

std::vector<ExecuteApiCall> executeApiCalls(const ApiIntegration& integration) {
  std::vector<ExecuteApiCall> out;
  if (integration.apiId.empty()) return out;
  std::string_view routes = integration.route;
  while (!routes.empty()) {
    size_t comma = routes.find(", ");
    std::string_view route = routes.substr(0, comma);
    routes = comma == std::string_view::npos ? std::string_view() : routes.substr(comma + 2);
    size_t space = route.find(' ');
    if (space == std::string_view::npos) continue;  // `$default`, a WebSocket route key
    std::string method(route.substr(0, space));
    std::string path(route.substr(space + 1));
    if (method == "?" || path.empty() || path[0] != '/' || path.find('?') != std::string::npos ||
        path.find("$default") != std::string::npos) {
      continue;
    }
    // API Gateway drops a path's trailing slash (SAM's permissions do too).
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    out.push_back(ExecuteApiCall{integration.apiId, std::nullopt, method, path});
  }
  return out;
}

ExecuteApiMatcher::ExecuteApiMatcher(const ExecuteApiCall& call) : anyStage_(!call.stage) {
  std::string rest = "/" + call.stage.value_or("*") + "/";
  std::string path = replaceParameters(call.path, std::string(1, kAnyValue));
  // The API as a reference to it, or as its logical ID written as text (SAM writes a RestApiId
  // given as a string that way).
  for (const std::string& api : {apiToken(call.api), call.api}) {
    arns_.push_back(api + rest + (call.method == "ANY" ? std::string(1, kAnyValue) : call.method) +
                    path);
    if (call.method == "ANY") arns_.push_back(api + rest + "ANY" + path);
  }
}

bool ExecuteApiMatcher::allowedBy(std::string_view pattern) const {
  std::string anyStage;
  size_t first = pattern.find('/');
  if (anyStage_ && first != std::string_view::npos) {
    // API_ID/STAGE/…: the stage component stops mattering.
    anyStage = pattern;
    size_t second = anyStage.find('/', first + 1);
    anyStage.replace(first + 1, second == std::string::npos ? second : second - first - 1, "*");
    pattern = anyStage;
  }
  for (const std::string& arn : arns_) {
    if (globMatch(pattern, arn)) return true;
  }
  return false;
}

bool executeApiAllows(std::string_view pattern, const ExecuteApiCall& call) {
  return ExecuteApiMatcher(call).allowedBy(pattern);
}

std::string describeExecuteApiPattern(std::string_view pattern) {
  std::string out;
  bool inToken = false;
  for (char c : pattern) {
    if (c == kApiMark) {
      out += inToken ? "}" : "${";
      inToken = !inToken;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace samshift::sam
