#include "sam/api_models_validation.h"

#include <algorithm>
#include <cctype>

#include "model/intrinsics.h"
#include "sam/api_auth_validation.h"
#include "sam/api_event_link.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/validation.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

// SAM's `x is not None`: present and not null.
const Node* given(const Node& props, std::string_view key) {
  const Node* value = props.get(key);
  return value && !value->isNull() ? value : nullptr;
}

// The SAM-managed AWS::Serverless::Api (or the implicit one, as nullptr in `api`) an Api event
// names; false when samshift cannot tell which API SAM edits, or SAM does not edit one.
bool managedApiOf(const model::Template& templ, const Node& props,
                  const model::ResourceView*& api) {
  api = nullptr;
  const Node* restApiId = props.get("RestApiId");
  if (!restApiId) return !templ.resource("ServerlessRestApi");
  std::optional<std::string> name = restApiIdName(*restApiId);
  api = name ? templ.resource(*name) : nullptr;
  if (!api || api->type != "AWS::Serverless::Api") return false;
  const Node& own = api->propertiesMapping();
  // MergeDefinitions edits the user's body too: not modelled here.
  return !truthy(own.get("DefinitionBody")) && !truthy(own.get("DefinitionUri")) &&
         !truthy(propertiesWithGlobals(templ, *api).get("MergeDefinitions"));
}

// Api.property_types: a property of a type SAM rejects (with a message not modelled here).
bool wellTyped(const Node& props) {
  for (const MapEntry& entry : props.entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    if (value.isNull() || value.isIntrinsic()) continue;
    bool right = key == "Path" || key == "Method" || key == "Stage" || key == "ResponseTransferMode"
                     ? value.isString()
                 : key == "RestApiId"         ? value.isString()
                 : key == "Auth"              ? value.isMapping()
                 : key == "RequestModel"      ? value.isMapping()
                 : key == "RequestParameters" ? value.isSequence()
                 : key == "TimeoutInMillis"   ? value.isInt() || value.isBool()
                                              : false;
    if (!right) return false;
  }
  const Node* path = props.get("Path");
  const Node* method = props.get("Method");
  return path && path->isString() && method && method->isString();
}

// str() of a Model that is not a str, as far as samshift prints it like Python. The events of a
// template with an API are Py27 types (utils/py27hash_fix.py): a string in a list shows as u'…'.
std::optional<std::string> pythonText(const Node& value) {
  if (value.isInt()) return value.text();
  if (value.isBool()) return std::string(value.boolValue() ? "True" : "False");
  if (!value.isSequence()) return std::nullopt;
  std::string out = "[";
  for (const Node& item : value.items()) {
    if (!item.isString() || item.text().find_first_of("'\\\"") != std::string::npos)
      return std::nullopt;
    for (char c : item.text()) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
        return std::nullopt;
    }
    out += (out.size() > 1 ? ", u'" : "u'") + item.text() + "'";
  }
  return out + "]";
}

std::optional<ApiEventRejection> requestModelRejection(const Node& props, const Node* apiProps) {
  const Node* model = given(props, "RequestModel");
  if (!truthy(model) || model->isIntrinsic()) return std::nullopt;
  const Node* name = model->get("Model");
  if (!truthy(name)) return std::nullopt;
  std::optional<std::string> nameText = name->isString() ? name->text() : pythonText(*name);
  if (!nameText) return std::nullopt;
  std::string prefix = "Unable to set RequestModel [" + *nameText + "] on API method [" +
                       props.get("Method")->text() + "] for path [" + props.get("Path")->text() +
                       "] because ";
  const Node* models = apiProps ? given(*apiProps, "Models") : nullptr;
  if (!truthy(models))
    return ApiEventRejection{"api-event-request-model",
                             prefix + "the related API does not define any Models.", name};
  if (!models->isMapping())
    return ApiEventRejection{"api-event-request-model",
                             prefix + "the related API Models defined is of invalid type.", name};
  if (!name->isString())
    return ApiEventRejection{"api-event-request-model",
                             prefix + "the related API does not contain valid Models.", name};
  if (!truthy(models->get(name->text())))
    return ApiEventRejection{"api-event-request-model",
                             prefix + "it wasn't defined in the API's Models.", name};
  const Node* body = given(*model, "ValidateBody");
  const Node* parameters = given(*model, "ValidateParameters");
  for (const Node* validate : {body, parameters}) {
    if (validate && !validate->isBool()) {
      return ApiEventRejection{
          "api-event-request-model",
          "Unable to set Validator to RequestModel [" + name->text() + "] on API method [" +
              props.get("Method")->text() + "] for path [" + props.get("Path")->text() +
              "] ValidateBody and ValidateParameters must be a boolean type, strings or "
              "intrinsics are not supported.",
          model};  // not the value: a Ref to a parameter is rejected whatever its value
    }
  }
  return std::nullopt;
}

bool validParameterName(const std::string& name) {
  for (const char* prefix :
       {"method.request.querystring.", "method.request.path.", "method.request.header."}) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// nullopt too where SAM's first key of a map is not known here.
std::optional<ApiEventRejection> requestParametersRejection(const Node& props) {
  const Node* parameters = given(props, "RequestParameters");
  if (!truthy(parameters) || !parameters->isSequence()) return std::nullopt;
  const char* kKeys =
      "Invalid value for 'RequestParameters' property. Keys must be in the format "
      "'method.request.[querystring|path|header].{value}', e.g "
      "'method.request.header.Authorization'.";
  for (const Node& parameter : parameters->items()) {
    if (parameter.isString()) {
      if (!validParameterName(parameter.text()))
        return ApiEventRejection{"api-event-request-parameters", kKeys, &parameter};
    } else if (parameter.isMapping() && !parameter.isIntrinsic()) {
      // next(iter(parameter.items())): the first key in Py27Dict order, known for one key.
      if (parameter.entries().size() != 1) return std::nullopt;
      const MapEntry& entry = parameter.entries().front();
      if (!validParameterName(entry.key.text()))
        return ApiEventRejection{"api-event-request-parameters", kKeys, &entry.key};
      bool valid = entry.value.isMapping() && !entry.value.isIntrinsic();
      for (const MapEntry& field : valid ? entry.value.entries() : model::kNoEntries)
        valid = valid && (field.key.text() == "Required" || field.key.text() == "Caching");
      if (!valid) {
        return ApiEventRejection{"api-event-request-parameters",
                                 "Invalid value for 'RequestParameters' property. Values must be "
                                 "an object, e.g { Required: true, Caching: false }",
                                 &entry.value};
      }
    } else if (parameter.isIntrinsic()) {
      return std::nullopt;  // a dict to SAM, whose first key is the intrinsic's name
    } else {
      return ApiEventRejection{
          "api-event-request-parameters",
          "Invalid value for 'RequestParameters' property. Property must be either a string or an "
          "object",
          &parameter};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<SamProblem> apiModelsProblem(const Node& props, bool hasBody, bool validBody,
                                           const Node* source) {
  const Node* models = given(props, "Models");
  if (!truthy(models)) return std::nullopt;
  auto problem = [&](const char* message) {
    return SamProblem{"api-models-invalid", message, source, true, {}};
  };
  if (!hasBody)
    return problem("Models works only with inline Swagger specified in 'DefinitionBody' property.");
  if (!validBody) {
    return problem(
        "Unable to add Models definitions because 'DefinitionBody' does not contain a valid "
        "Swagger definition.");
  }
  if (!models->isMapping()) return std::nullopt;
  for (const MapEntry& entry : models->entries()) {
    if (!entry.value.isMapping()) return problem("Invalid value for 'Models' property");
  }
  // add_models raises InvalidDocumentException for a schema without a type: not modelled here.
  return std::nullopt;
}

namespace {

// The event's own rejection, when it is the first to add its path and method to the API's body:
// nullopt also when samshift cannot tell.
std::optional<ApiEventRejection> firstMethodRejection(const model::Template& templ,
                                                      const Node& props) {
  if (!props.isMapping() || props.isIntrinsic() || !wellTyped(props) || props.has("Auth"))
    return std::nullopt;  // what SAM does after the event's Auth is not modelled
  const model::ResourceView* api = nullptr;
  if (!managedApiOf(templ, props, api)) return std::nullopt;
  Node apiProps = api ? propertiesWithGlobals(templ, *api) : Node::mapping();
  if (auto rejection = requestModelRejection(props, &apiProps)) return rejection;
  return requestParametersRejection(props);
}

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Whether an Api event SAM transforms before `event` names the same path and method and may add
// them to the body: SAM then rejects `event` as a duplicate first. An earlier event that SAM
// rejects (RequestModel, RequestParameters) leaves the body as it was (push.py
// _add_swagger_integration writes the body back only at its end). `event` may be a node of a
// merged copy: found by its position. Another event of the same function counts whatever its
// place (SAM's order_events is not followed here).
bool methodTakenBefore(const model::Template& templ, const Node& event, const Node& props) {
  const Node* path = props.get("Path");
  const Node* method = props.get("Method");
  if (!path || !path->isString() || !method || !method->isString() || !event.span().known())
    return true;
  auto sameMethod = [&](const Node& other) {
    const Node* type = other.isMapping() ? other.get("Type") : nullptr;
    if (!type || !type->isString("Api")) return false;
    const Node* otherProps = other.get("Properties");
    if (!otherProps || !otherProps->isMapping()) return false;
    const Node* otherPath = otherProps->get("Path");
    const Node* otherMethod = otherProps->get("Method");
    return otherPath && otherPath->isString(path->text()) && otherMethod &&
           otherMethod->isString() && lowered(otherMethod->text()) == lowered(method->text());
  };
  for (const model::ResourceView* resource : transformOrder(templ)) {
    const Node* events = resource->property("Events");
    const std::vector<MapEntry>& entries =
        events && events->isMapping() ? events->entries() : model::kNoEntries;
    bool own = std::any_of(entries.begin(), entries.end(), [&](const MapEntry& entry) {
      return entry.value.span() == event.span();
    });
    for (const MapEntry& entry : entries) {
      if (entry.value.span() == event.span() || !sameMethod(entry.value)) continue;
      if (own) return true;
      if (!firstMethodRejection(templ, *entry.value.get("Properties"))) return true;
    }
    if (own) return false;
  }
  return true;  // not found in SAM's order: unknown
}

}  // namespace

std::optional<ApiEventRejection> apiEventRejection(const model::Template& templ,
                                                   const Node& event) {
  const Node* props = event.get("Properties");
  if (!props || !props->isMapping() || props->isIntrinsic() || !wellTyped(*props))
    return std::nullopt;
  // The rejection first: most events have none, and methodTakenBefore walks every resource in
  // SAM's order, which made a template of N Api events cost N² (plan of 2,000 functions: 0.9 s).
  // add_auth_to_swagger comes before the method's own checks.
  std::optional<ApiEventRejection> rejection;
  if (auto auth = apiEventAuthRejection(templ, event, false))
    rejection = ApiEventRejection{auth->code, auth->message, auth->node};
  else
    rejection = firstMethodRejection(templ, *props);
  if (!rejection || methodTakenBefore(templ, event, *props)) return std::nullopt;
  return rejection;
}

}  // namespace samshift::sam
