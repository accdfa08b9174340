#include "sam/api_gateway_responses_validation.h"

#include <string>
#include <string_view>

#include "sam/python_json.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kCode = "api-gateway-responses-invalid";

// The node under `source` with the span of `node` (a node of a merged copy), else `source`.
const Node* templateNode(const Node* source, const Node* node) {
  if (!source || !node || !node->span().known()) return source;
  const Node* found = findBySpan(*source, node->span());
  return found ? found : source;
}

SamProblem rejection(std::string message, const Node* node, const Node* source) {
  return SamProblem{kCode, std::move(message), templateNode(source, node), true, {}};
}

// type(value).__name__ for a value of the template that is not a dict. SAM made the API's
// properties Py27 types (utils/py27hash_fix.py _convert_to_py27_type): a string is a Py27UniStr,
// an int beyond 64 bits a Py27LongInt (samshift keeps such a number as a float: unknown).
std::optional<std::string> pythonTypeName(const Node& value) {
  if (value.isNull()) return "NoneType";
  if (value.isBool()) return "bool";
  if (value.isInt()) return "int";
  if (value.isFloat()) {
    const std::string& text = value.text();
    bool integral = text.find_first_of(".eEnN") == std::string::npos;
    if (integral) return std::nullopt;
    return "float";
  }
  if (value.isSequence()) return "list";
  return "Py27UniStr";
}

// `^[0-9]{1,3}$` (Python's re.match, whose `$` also matches before a final newline).
bool statusCodeMatches(std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (text.empty() || text.size() > 3) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// ApiGatewayResponse.__init__: the ResponseParameters keys, then str(StatusCode). nullopt when
// fine.
std::optional<std::string> responseProblem(const Node& response, const Node*& where) {
  const Node* parameters = response.get("ResponseParameters");
  if (parameters && pythonTruthy(*parameters)) {
    for (const MapEntry& entry : parameters->entries()) {
      const std::string& key = entry.key.text();
      if (key != "Headers" && key != "Paths" && key != "QueryStrings") {
        where = &entry.key;
        return "Invalid gateway response parameter '" + key + "'";
      }
    }
  }
  const Node* code = response.get("StatusCode");
  if (!code || !pythonTruthy(*code)) return std::nullopt;
  where = code;
  // str() of a float always has a point, an exponent or letters (or, for an int beyond 64 bits
  // kept as a float, more than three digits): never a status code.
  bool matches = (code->isString() && statusCodeMatches(code->text())) ||
                 (code->isInt() && code->intValue() >= 0 && code->intValue() <= 999);
  if (matches) return std::nullopt;
  return std::string("Property 'StatusCode' must be numeric");
}

}  // namespace

std::optional<SamProblem> gatewayResponsesProblem(const Node& responses, bool hasBody,
                                                  BodyValidity body, const Node* source) {
  if (!hasBody) {
    return rejection(
        "GatewayResponses works only with inline Swagger specified in 'DefinitionBody' property.",
        &responses, source);
  }
  for (const MapEntry& entry : responses.entries()) {
    const Node& response = entry.value;
    if (response.isIntrinsic()) {
      return rejection(
          "Unable to set GatewayResponses attribute because intrinsic functions are not "
          "supported for this field.",
          &response, source);
    }
    if (!response.isMapping()) {
      std::optional<std::string> type = pythonTypeName(response);
      if (!type) return std::nullopt;
      return rejection("Invalid property type '" + *type +
                           "' for GatewayResponses. Expected an object of type 'GatewayResponse'.",
                       &response, source);
    }
    for (const MapEntry& property : response.entries()) {
      const std::string& key = property.key.text();
      if (key != "ResponseParameters" && key != "ResponseTemplates" && key != "StatusCode") {
        return rejection("Invalid property '" + key + "' in 'GatewayResponses' property '" +
                             entry.key.text() + "'.",
                         &property.key, source);
      }
    }
  }
  if (body == BodyValidity::kUnknown) return std::nullopt;
  if (body == BodyValidity::kInvalid) {
    return rejection(
        "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid "
        "Swagger definition.",
        &responses, source);
  }
  // Each response is built (ApiGatewayResponse) before any is written to the body.
  for (const MapEntry& entry : responses.entries()) {
    const Node* parameters = entry.value.get("ResponseParameters");
    if (parameters && pythonTruthy(*parameters) && !parameters->isMapping()) {
      return rejection("Property 'GatewayResponses." + entry.key.text() +
                           ".ResponseParameters' should be a map.",
                       parameters, source);
    }
    const Node* where = &entry.value;
    if (std::optional<std::string> message = responseProblem(entry.value, where))
      return rejection(std::move(*message), where, source);
  }
  // generate_swagger: each kind of ResponseParameters must be a map.
  for (const MapEntry& entry : responses.entries()) {
    const Node* parameters = entry.value.get("ResponseParameters");
    if (!parameters || !pythonTruthy(*parameters)) continue;
    for (const char* kind : {"Headers", "Paths", "QueryStrings"}) {
      const Node* values = parameters->get(kind);
      if (values && !values->isMapping()) {
        return rejection(std::string("Property 'ResponseParameters.") + kind + "' should be a map.",
                         values, source);
      }
    }
  }
  return std::nullopt;
}

}  // namespace samshift::sam
