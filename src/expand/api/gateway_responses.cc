#include "expand/api/gateway_responses.h"

#include <algorithm>

#include "expand/api/swagger.h"
#include "sam/deployment_model.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kGatewayResponses = "x-amazon-apigateway-gateway-responses";

using sam::truthy;

// `^[0-9]{1,3}$` on str(StatusCode), for the values whose str() samshift knows.
std::optional<std::string> statusCodeText(const Node& code) {
  std::string text;
  if (code.isString()) {
    text = code.text();
  } else if (code.isInt()) {
    text = std::to_string(code.intValue());
  } else {
    return std::nullopt;
  }
  if (text.empty() || text.size() > 3 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return text;
}

// ApiGatewayResponse._add_prefixes: Headers, Paths, QueryStrings as gatewayresponse.<kind>.<key>.
std::optional<PyObject> prefixedParameters(const Node* parameters) {
  PyObject out = PyObject::dict(true);
  if (!truthy(parameters)) return out;
  if (!parameters->isMapping() || parameters->isIntrinsic()) return std::nullopt;
  for (const MapEntry& entry : parameters->entries()) {
    const std::string& key = entry.key.text();
    if (key != "Headers" && key != "Paths" && key != "QueryStrings") return std::nullopt;
  }
  const std::pair<const char*, const char*> kPrefixes[] = {
      {"Headers", "header."}, {"Paths", "path."}, {"QueryStrings", "querystring."}};
  for (const auto& [name, prefix] : kPrefixes) {
    const Node* values = parameters->get(name);
    if (!values) continue;
    if (!values->isMapping()) return std::nullopt;
    PyObject converted = PyObject::fromTemplate(*values);
    for (const std::string& key : converted.keys())
      out.set(std::string("gatewayresponse.") + prefix + key, *converted.get(key), true);
  }
  return out;
}

}  // namespace

bool addGatewayResponses(ExpandContext& ctx, const std::string& id, RestApi& api,
                         const Node& responses) {
  std::string what = "GatewayResponses of AWS::Serverless::Api " + id;
  if (!api.body || !responses.isMapping() || responses.isIntrinsic() ||
      !isValidSwagger(*api.body)) {
    ctx.notSupported("API Gateway: " + what);
    return false;
  }
  // The responses in the Py27Dict order SAM walks them.
  PyObject ordered = PyObject::fromTemplate(responses);
  PyObject generated = PyObject::dict(true);
  for (const std::string& type : ordered.keys()) {
    const Node* response = responses.get(type);
    bool known = response && response->isMapping() && !response->isIntrinsic();
    for (const MapEntry& entry : known ? response->entries() : model::kNoEntries) {
      const std::string& key = entry.key.text();
      if (key != "ResponseParameters" && key != "ResponseTemplates" && key != "StatusCode")
        known = false;
    }
    std::optional<PyObject> parameters =
        known ? prefixedParameters(response->get("ResponseParameters")) : std::nullopt;
    const Node* code = known ? response->get("StatusCode") : nullptr;
    std::optional<std::string> codeText =
        code && !code->isNull() ? statusCodeText(*code) : std::string();
    if (!parameters || !codeText || (code && !code->isNull() && !truthy(code))) {
      ctx.notSupported("API Gateway: response " + type + " of " + what);
      return false;
    }
    PyObject swagger = PyObject::dict(true);
    swagger.set("responseParameters", std::move(*parameters));
    const Node* templates = response->get("ResponseTemplates");
    swagger.set("responseTemplates",
                truthy(templates) ? PyObject::fromTemplate(*templates) : PyObject::dict(true));
    // str() of the code: a plain str.
    if (!codeText->empty()) swagger.set("statusCode", PyObject::str(*codeText));
    generated.set(type, std::move(swagger), true);
  }
  PyObject& body = *api.body;
  body.deepcopy();
  PyObject* existing = body.get(kGatewayResponses);
  if (existing && existing->kind() != PyObject::Kind::kNone &&
      !(existing->isDict() && existing->keys().empty())) {
    // Responses the body already has: SAM adds to them, which samshift does not model yet.
    ctx.notSupported("API Gateway: " + what + " with gateway responses in the body");
    return false;
  }
  if (!generated.keys().empty()) body.set(kGatewayResponses, std::move(generated));
  body.deepcopy();
  return true;
}

}  // namespace samshift::expand::api
