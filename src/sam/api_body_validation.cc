#include "sam/api_body_validation.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sam/api_validation.h"
#include "sam/deployment_model.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kStructure = "Structure of the SAM template is invalid. ";
constexpr const char* kEndpointExtension = "x-amazon-apigateway-endpoint-configuration";

// An InvalidDocumentException from the editor: SAM stops the whole transform there.
SamProblem documentProblem(const std::string& message, const Node* node) {
  return SamProblem{"api-body-invalid", kStructure + message, node, false, {}};
}

// Where a problem about a path item points: its value, or its key when the value has no place
// of its own (an empty YAML value).
const Node* pathNode(const MapEntry& entry) {
  return entry.value.span().known() ? &entry.value : &entry.key;
}

bool isNoValue(const Node& value) {
  const Node* ref = value.isMapping() && value.entries().size() == 1 ? value.get("Ref") : nullptr;
  return ref && ref->isString("AWS::NoValue");
}

// BaseEditor.get_conditional_contents: the branches of an Fn::If (without AWS::NoValue), or the
// item itself. False with `problem` set when the Fn::If does not hold a list.
bool conditionalContents(const Node& item, std::vector<const Node*>& contents,
                         std::optional<SamProblem>& problem) {
  contents.clear();
  const Node* condition = item.isMapping() ? item.get("Fn::If") : nullptr;
  if (!condition) {
    contents.push_back(&item);
    return true;
  }
  if (!condition->isSequence()) {
    problem = documentProblem("Value of Fn::If must be a list.", condition);
    return false;
  }
  bool first = true;
  for (const Node& branch : condition->items()) {
    if (!first && !isNoValue(branch)) contents.push_back(&branch);
    first = false;
  }
  return true;
}

// The path entries of a body, or null when a path is written twice (which of them PyYAML keeps
// is not modelled here).
const std::vector<MapEntry>* uniquePaths(const Node& body) {
  const Node* paths = body.get("paths");
  if (!paths || !paths->isMapping()) return nullptr;
  std::set<std::string> seen;
  for (const MapEntry& entry : paths->entries()) {
    if (!seen.insert(entry.key.text()).second) return nullptr;
  }
  return &paths->entries();
}

// The first failing path decides; which is first among several is not modelled here.
BodyVerdict firstFailure(const std::vector<SamProblem>& failures) {
  BodyVerdict verdict;
  std::set<std::string> messages;
  for (const SamProblem& failure : failures) messages.insert(failure.message);
  if (messages.size() > 1) {
    verdict.unknown = true;
  } else if (!failures.empty()) {
    verdict.problem = failures.front();
  }
  return verdict;
}

std::string pathItemMessage(const std::string& path) {
  return "Value of '" + path + "' path must be a dictionary according to Swagger spec.";
}

// Python's re.match of _OPENAPI_VERSION_3_REGEX on str(value); unknown for a value that is not
// a string.
std::optional<bool> isOpenApi3Version(const Node& value) {
  if (!value.isString()) return std::nullopt;
  return openApiVersionMatches(value.text(), false);
}

// dict_deep_get(responses, "200.headers") and the check of the headers found.
std::optional<std::string> optionsResponsesProblem(const Node& responses, const std::string& path) {
  const Node* ok = nullptr;
  if (responses.isNull()) return std::nullopt;
  if (!responses.isMapping()) {
    return "Invalid responses in options method for path " + path + ": It should be a map.";
  }
  ok = responses.get("200");
  if (!ok || ok->isNull()) return std::nullopt;
  if (!ok->isMapping()) {
    return "Invalid responses in options method for path " + path +
           ": The value of '200' should be a map.";
  }
  const Node* headers = ok->get("headers");
  if (!headers || !pythonTruthy(*headers) || headers->isMapping()) return std::nullopt;
  return "Value of response's headers in options method for path " + path +
         " must be a dictionary according to Swagger spec.";
}

}  // namespace

SamProblem invalidSwaggerProblem(const Node* node) {
  return documentProblem(
      "Invalid Swagger document or the Swagger document is not explicitly defined in "
      "'DefinitionBody'.",
      node);
}

BodyVerdict swaggerEditorVerdict(const Node& body) {
  const std::vector<MapEntry>* paths = uniquePaths(body);
  if (!paths) return {std::nullopt, true};
  std::vector<SamProblem> failures;
  std::vector<const Node*> contents;
  for (const MapEntry& entry : *paths) {
    std::optional<SamProblem> problem;
    if (!conditionalContents(entry.value, contents, problem)) {
      failures.push_back(std::move(*problem));
      continue;
    }
    for (const Node* item : contents) {
      if (!item->isMapping()) {
        failures.push_back(documentProblem(pathItemMessage(entry.key.text()), pathNode(entry)));
        break;
      }
    }
  }
  return firstFailure(failures);
}

BodyVerdict corsOriginVerdict(const Node& body, const Node& cors, const Node* source) {
  const Node* origin = cors.isMapping() && !cors.isIntrinsic() ? cors.get("AllowOrigin") : nullptr;
  if (!origin) return {};
  if (origin->isFloat()) return {std::nullopt, true};
  if (pythonTruthy(*origin)) return {};
  const std::vector<MapEntry>* paths = uniquePaths(body);
  if (!paths) return {std::nullopt, true};
  // API Gateway treats /path and /path/ as one resource: SAM adds OPTIONS to the first of them.
  // Whether a path item lacks OPTIONS, by normalized path.
  std::map<std::string, std::set<bool>> lacking;
  std::vector<const Node*> contents;
  for (const MapEntry& entry : *paths) {
    std::string path = entry.key.text();
    std::string normalized = path;
    if (path != "/") {
      while (!normalized.empty() && normalized.back() == '/') normalized.pop_back();
    }
    std::optional<SamProblem> ignored;
    if (!conditionalContents(entry.value, contents, ignored)) return {std::nullopt, true};
    bool lacks = false;
    for (const Node* item : contents) lacks = lacks || (item->isMapping() && !item->has("options"));
    lacking[normalized].insert(lacks);
  }
  bool rejected = false;
  for (const auto& [path, outcomes] : lacking) {
    if (outcomes.size() > 1) return {std::nullopt, true};
    rejected = rejected || *outcomes.begin();
  }
  if (!rejected) return {};
  return {
      SamProblem{"api-cors-invalid",
                 std::string(kStructure) + "Invalid input. Value for AllowedOrigins is required",
                 source,
                 true,
                 {}},
      false};
}

BodyVerdict endpointExtensionVerdict(const Node& body) {
  const Node* openapi = body.get("openapi");
  if (openapi && pythonTruthy(*openapi)) {
    std::optional<bool> three = isOpenApi3Version(*openapi);
    if (!three) return {std::nullopt, true};
    if (*three) {
      const Node* servers = body.get("servers");
      if (!servers) return {};
      // enumerate(servers): a list's items; a dict's keys or a str's characters are not maps.
      if (servers->isString() || (servers->isMapping() && !servers->isIntrinsic())) {
        if (servers->isString() ? servers->text().empty() : servers->entries().empty()) return {};
        return {documentProblem("Invalid OpenAPI definition of 'servers[0]': It should be a map.",
                                servers),
                false};
      }
      if (!servers->isSequence()) return {std::nullopt, true};
      size_t index = 0;
      for (const Node& config : servers->items()) {
        std::string where =
            "Invalid OpenAPI definition of 'servers[" + std::to_string(index++) + "]': ";
        if (!config.isMapping())
          return {documentProblem(where + "It should be a map.", &config), false};
        const Node* extension = config.get(kEndpointExtension);
        if (extension && !extension->isMapping()) {
          return {
              documentProblem(where + "The value of '" + kEndpointExtension + "' should be a map.",
                              extension),
              false};
        }
      }
      return {};
    }
  }
  const Node* extension = body.get(kEndpointExtension);
  if (extension && !extension->isMapping()) {
    return {documentProblem(std::string("Invalid OpenAPI definition: The value of '") +
                                kEndpointExtension + "' should be a map.",
                            extension),
            false};
  }
  return {};
}

BodyVerdict openApiPostprocessVerdict(const Node& body, const Node* openApiVersion) {
  const Node* swagger = body.get("swagger");
  if (swagger && !swagger->isNull()) return {};
  const Node* openapi = body.get("openapi");
  if (openApiVersion && openApiVersion->isNull()) openApiVersion = nullptr;
  const Node* version = openapi && !openapi->isNull() && !openApiVersion ? openapi : openApiVersion;
  if (!version || !pythonTruthy(*version)) return {};
  std::optional<bool> three = isOpenApi3Version(*version);
  if (!three) return {std::nullopt, true};
  if (!*three) return {};
  // securityDefinitions and definitions move to components first; a components that is not a
  // map fails there, in a way not modelled here.
  for (const char* moved : {"securityDefinitions", "definitions"}) {
    const Node* value = body.get(moved);
    const Node* components = body.get("components");
    if (value && pythonTruthy(*value) && components && pythonTruthy(*components) &&
        !components->isMapping())
      return {std::nullopt, true};
  }
  const Node* paths = body.get("paths");
  if (!paths || !pythonTruthy(*paths)) return {};
  if (!paths->isMapping()) {
    return {
        documentProblem("Value of paths must be a dictionary according to Swagger spec.", paths),
        false};
  }
  const std::vector<MapEntry>* entries = uniquePaths(body);
  if (!entries) return {std::nullopt, true};
  std::vector<SamProblem> failures;
  for (const MapEntry& entry : *entries) {
    const std::string& path = entry.key.text();
    if (!entry.value.isMapping()) {
      failures.push_back(documentProblem(pathItemMessage(path), pathNode(entry)));
      continue;
    }
    const Node* options = entry.value.get("options");
    if (!options || !pythonTruthy(*options)) continue;
    if (!options->isMapping()) {
      failures.push_back(documentProblem("Value of options method for path " + path +
                                             " must be a dictionary according to Swagger spec.",
                                         options));
      continue;
    }
    const Node* responses = options->get("responses");
    if (!responses) continue;
    if (auto message = optionsResponsesProblem(*responses, path))
      failures.push_back(documentProblem(*message, responses));
  }
  return firstFailure(failures);
}

}  // namespace samshift::sam
