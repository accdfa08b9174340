#include "sam/http_api_validation.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <tuple>

#include "model/intrinsics.h"
#include "sam/api_validation.h"
#include "sam/deployment_model.h"
#include "sam/editor_conditionals.h"
#include "sam/globals.h"
#include "sam/http_api_auth.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kCode = "http-api-invalid";
constexpr const char* kEventCode = "http-api-event-invalid";
// An InvalidDocumentException the generator's editors raise: it escapes SAM's translator, which
// reports nothing else.
constexpr const char* kDocumentCode = "http-api-openapi-invalid";
constexpr const char* kInvalidOpenApi =
    "Structure of the SAM template is invalid. Invalid OpenApi document. Invalid values or missing "
    "keys for 'openapi' or 'paths' in 'DefinitionBody'.";

// SamHttpApi.property_types, in SAM's order (its internal __MANAGE_SWAGGER aside).
const std::array<SamPropertyType, 16>& httpApiPropertyTypes() {
  static const std::array<SamPropertyType, 16> kTypes = {{
      {"Name", false, {}, true},
      {"StageName", false, oneOf({isSamString, isSamMap}), true},
      {"Tags", false, isSamMap, true},
      {"PropagateTags", false, isSamBool, true},
      {"DefinitionBody", false, isSamMap, true},
      {"DefinitionUri", false, oneOf({isSamString, isSamMap}), true},
      {"StageVariables", false, isSamMap, true},
      {"CorsConfiguration", false, oneOf({isSamBool, isSamMap}), true},
      {"AccessLogSettings", false, isSamMap, true},
      {"DefaultRouteSettings", false, isSamMap, true},
      {"Auth", false, isSamMap, true},
      {"RouteSettings", false, isSamMap, true},
      {"Domain", false, isSamMap, true},
      {"FailOnWarnings", false, isSamBool, true},
      {"Description", false, isSamString, true},
      {"DisableExecuteApiEndpoint", false, isSamBool, true},
  }};
  return kTypes;
}

// `dict.get(name)`: absent or null is None.
const Node* given(const Node& map, const char* name) {
  const Node* value = map.isMapping() ? map.get(name) : nullptr;
  return value && !value->isNull() ? value : nullptr;
}

enum class Verdict { kYes, kNo, kUnknown };

// OpenApiEditor.is_valid; unknown for an `openapi` whose str() samshift does not model (a float).
Verdict openApiDocument(const Node* body) {
  if (!truthy(body) || !body->isMapping()) return Verdict::kNo;
  const Node* paths = body->get("paths");
  const Node* openapi = body->get("openapi");
  if (!paths || !paths->isMapping() || !truthy(openapi)) return Verdict::kNo;
  if (openapi->isString())
    return openApiVersionMatches(openapi->text(), false) ? Verdict::kYes : Verdict::kNo;
  return openapi->isFloat() ? Verdict::kUnknown : Verdict::kNo;
}

// OpenApiEditor.__init__ also reads `components.securitySchemes`, which fails on a `components`
// that is not a map: not modelled.
bool editorReadable(const Node* body) {
  const Node* components = body ? given(*body, "components") : nullptr;
  return !components || components->isMapping();
}

// Python's repr of a simple value SAM prints in a message (`{'name': 'tag1'}`), with its type's
// name; nullopt for one samshift does not print like Python.
std::optional<std::pair<std::string, const char*>> simpleRepr(const Node& value) {
  auto quoted = [](const std::string& text) -> std::optional<std::string> {
    for (char c : text) {
      if (c == '\'' || c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
          static_cast<unsigned char>(c) >= 0x7f)
        return std::nullopt;
    }
    return "'" + text + "'";
  };
  if (value.isString()) return std::make_pair(value.text(), "str");
  // A dict of more than one key prints in an order samshift does not model here.
  if (value.isMapping() && value.entries().size() == 1 && value.entries()[0].value.isString()) {
    auto key = quoted(value.entries()[0].key.text());
    auto text = quoted(value.entries()[0].value.text());
    if (key && text) return std::make_pair("{" + *key + ": " + *text + "}", "dict");
  }
  return std::nullopt;
}

// Whether the events' edits of a user's body (add_lambda_integration, the timeout, path
// parameters and payload format, the $default URI match) meet only maps where SAM expects them:
// elsewhere SAM's editor rejects or fails first, which is not modelled.
bool pathsShapedForEvents(const Node& body) {
  const Node* paths = body.get("paths");
  if (!paths || !paths->isMapping()) return false;
  for (const MapEntry& path : paths->entries()) {
    std::vector<const Node*> items;
    if (!path.value.isMapping() || !editorConditionalContents(path.value, items)) return false;
    for (const Node* item : items) {
      if (!item->isMapping()) return false;
      for (const MapEntry& method : item->entries()) {
        std::vector<const Node*> definitions;
        if (!method.value.isMapping() || !editorConditionalContents(method.value, definitions))
          return false;
        for (const Node* definition : definitions) {
          if (!definition->isMapping()) return false;
          const Node* integration = definition->get("x-amazon-apigateway-integration");
          if (integration && !integration->isMapping()) return false;
          const Node* parameters = definition->get("parameters");
          if (parameters && !parameters->isSequence()) return false;
          for (const Node& parameter : parameters ? parameters->items() : model::kNoItems) {
            const Node* name = parameter.isMapping() ? parameter.get("name") : nullptr;
            if (!parameter.isMapping() || (name && !name->isString())) return false;
          }
          const Node* uri = integration ? integration->get("uri") : nullptr;
          std::vector<const Node*> uris;
          if (uri && uri->isMapping() && !editorConditionalContents(*uri, uris)) return false;
          for (const Node* each : uris) {
            const Node* sub = each->isMapping() ? each->get("Fn::Sub") : nullptr;
            if (!each->isMapping() || (sub && !sub->isString())) return false;
          }
        }
      }
    }
  }
  return true;
}

// Whether a function's HttpApi event names the API: its events edit the body before SAM
// translates the API.
bool eventsEditApi(const model::Template& templ, std::string_view apiId);

SamProblem plain(std::string message, const Node* node) {
  return SamProblem{kDocumentCode, std::move(message), node, false, {}};
}

// _construct_http_api's checks (and those of the editors it opens), then _construct_api_domain's
// up to MutualTlsAuthentication: the first problem, or false when there is none or samshift cannot
// follow SAM further.
bool generatorProblem(const Node& props, bool managed, const model::Template& templ,
                      const model::ResourceView& resource, std::vector<SamProblem>& out) {
  auto source = [&](const char* name) {
    const Node* node = propertySource(templ, resource, name);
    return node ? node : resource.idNode;
  };
  // A key of the body as the template writes it (`props` is a merged copy, freed on return).
  auto bodyKey = [&](const char* key) {
    const Node* written = source("DefinitionBody");
    const Node* node = written && written->isMapping() ? written->get(key) : nullptr;
    return node ? node : written;
  };
  auto reject = [&](std::string message, const char* property) {
    out.push_back(resourceProblem(kCode, std::move(message), source(property)));
    return true;
  };
  const Node* body = managed ? nullptr : given(props, "DefinitionBody");
  bool hasBody = managed || truthy(body);
  Verdict valid = managed ? Verdict::kYes : openApiDocument(body);
  if (valid == Verdict::kUnknown || (valid == Verdict::kYes && !editorReadable(body))) return false;
  bool hasUri = truthy(given(props, "DefinitionUri"));
  if (hasUri && hasBody) {
    return reject("Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.",
                  "DefinitionUri");
  }
  if (const Node* cors = given(props, "CorsConfiguration"); truthy(cors)) {
    if (!hasBody) {
      return reject("Cors works only with inline OpenApi specified in 'DefinitionBody' property.",
                    "CorsConfiguration");
    }
    HttpCorsProperties properties;
    if (!httpCorsProperties(*cors, properties)) {
      std::string message = "Invalid value for 'Cors' property.";
      if (cors->isMapping()) {
        for (const MapEntry& entry : cors->entries()) {
          HttpCorsProperties one;
          Node single = Node::mapping();
          single.set(entry.key.text(), entry.value);
          if (!httpCorsProperties(single, one)) {
            message = "Invalid key '" + entry.key.text() + "' for 'Cors' property.";
            break;
          }
        }
      }
      return reject(message, "CorsConfiguration");
    }
    if (valid != Verdict::kYes) {
      return reject(
          "Unable to add Cors configuration because 'DefinitionBody' does not contain a valid "
          "OpenApi definition.",
          "CorsConfiguration");
    }
    const Node* origins = properties.allowOrigins;
    bool wildcard = properties.wildcardOrigins ||
                    (origins && origins->isSequence() && origins->items().size() == 1 &&
                     origins->items()[0].isString("*"));
    const Node* credentials = properties.allowCredentials;
    if (wildcard && credentials && credentials->isBool() && credentials->boolValue()) {
      return reject(
          "Unable to add Cors configuration because 'AllowCredentials' can not be true when "
          "'AllowOrigin' is \"'*'\" or not set.",
          "CorsConfiguration");
    }
    const Node* existing = body ? body->get("x-amazon-apigateway-cors") : nullptr;
    if (existing && !existing->isMapping()) return false;
  }
  // _add_auth (sam/http_api_auth.h).
  if (truthy(given(props, "Auth"))) {
    size_t before = out.size();
    if (!judgeHttpApiAuth(props, out)) return false;
    if (out.size() != before) return true;
  }
  const Node* tags = given(props, "Tags");
  if (truthy(tags) && !hasBody) {
    return reject("Tags works only with inline OpenApi specified in the 'DefinitionBody' property.",
                  "Tags");
  }
  if (truthy(tags) && valid != Verdict::kYes) {
    return reject(
        "Unable to add `Tags` because 'DefinitionBody' does not contain a valid OpenApi "
        "definition.",
        "Tags");
  }
  if (valid == Verdict::kYes && body) {
    // add_tags: the body's own `tags` (when truthy) must be a list.
    if (const Node* bodyTags = body->get("tags"); truthy(bodyTags) && !bodyTags->isSequence()) {
      auto repr = simpleRepr(*bodyTags);
      if (!repr) return false;
      out.push_back(
          plain("Structure of the SAM template is invalid. Tags in OpenApi DefinitionBody "
                "needs to be a list. " +
                    repr->first + " is a " + repr->second + " not a list.",
                bodyKey("tags")));
      return true;
    }
  }
  if (given(props, "DisableExecuteApiEndpoint")) {
    if (!hasBody) {
      return reject("DisableExecuteApiEndpoint works only within 'DefinitionBody' property.",
                    "DisableExecuteApiEndpoint");
    }
    if (valid != Verdict::kYes) {
      out.push_back(plain(kInvalidOpenApi, source("DisableExecuteApiEndpoint")));
      return true;
    }
    // add_endpoint_config iterates `servers`: each item must be a map (a list of another shape,
    // or the keys of a map, the characters of a string); other values are not modelled.
    if (const Node* servers = body ? body->get("servers") : nullptr) {
      bool badItem = (servers->isMapping() || servers->isString()) && pythonTruthy(*servers);
      if (servers->isSequence()) {
        for (const Node& item : servers->items()) badItem = badItem || !item.isMapping();
      } else if (!servers->isMapping() && !servers->isString()) {
        return false;
      }
      if (badItem) {
        out.push_back(
            plain("Structure of the SAM template is invalid. Value of 'servers' item must "
                  "be a dictionary according to Swagger spec.",
                  bodyKey("servers")));
        return true;
      }
    }
  }
  const Node* info = body ? given(*body, "info") : nullptr;
  if (info && !info->isMapping()) return false;  // dict_deep_get's InvalidValueType
  if (truthy(given(props, "Name"))) {
    if (!hasBody)
      return reject(
          "Name works only with inline OpenApi specified in the 'DefinitionBody' property.",
          "Name");
    const Node* title = info ? info->get("title") : nullptr;
    if (!managed && !(title && model::refName(*title) == "AWS::StackName")) {
      return reject(
          "Unable to set Name because it is already defined within inline OpenAPI specified in "
          "the 'DefinitionBody' property.",
          "Name");
    }
    if (valid != Verdict::kYes) {
      out.push_back(plain(kInvalidOpenApi, source("Name")));
      return true;
    }
  }
  if (truthy(given(props, "Description"))) {
    if (!hasBody) {
      return reject(
          "Description works only with inline OpenApi specified in the 'DefinitionBody' property.",
          "Description");
    }
    if (info && truthy(info->get("description"))) {
      return reject(
          "Unable to set Description because it is already defined within inline OpenAPI "
          "specified in the 'DefinitionBody' property.",
          "Description");
    }
    if (valid != Verdict::kYes) {
      out.push_back(plain(kInvalidOpenApi, source("Description")));
      return true;
    }
  }
  if (const Node* uri = given(props, "DefinitionUri"); hasUri && uri->isMapping()) {
    if (!truthy(uri->get("Bucket")) || !truthy(uri->get("Key"))) {
      return reject("'DefinitionUri' requires Bucket and Key properties to be specified.",
                    "DefinitionUri");
    }
  }
  const Node* domain = given(props, "Domain");
  if (!domain) return false;
  if (!given(*domain, "DomainName") || !given(*domain, "CertificateArn")) {
    return reject("Custom Domains only works if both DomainName and CertificateArn are provided.",
                  "Domain");
  }
  if (const Node* endpoint = given(*domain, "EndpointConfiguration");
      endpoint && !endpoint->isString("REGIONAL")) {
    return reject("EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].",
                  "Domain");
  }
  const Node* tls = given(*domain, "MutualTlsAuthentication");
  if (!truthy(tls)) return false;
  static const std::string kTlsFields = "['TruststoreUri', 'TruststoreVersion']";
  if (!tls->isMapping()) {
    return reject(
        "MutualTlsAuthentication must be a map with at least one of the following fields " +
            kTlsFields + ".",
        "Domain");
  }
  std::vector<std::string> invalid;
  for (const MapEntry& entry : tls->entries()) {
    const std::string& key = entry.key.text();
    if (key != "TruststoreUri" && key != "TruststoreVersion") invalid.push_back(key);
  }
  if (invalid.empty()) return false;
  // InvalidResourceException(",".join(sorted invalid keys), …): those keys stand as the ID.
  std::sort(invalid.begin(), invalid.end());
  std::string subject;
  for (const std::string& key : invalid) subject += (subject.empty() ? "" : ",") + key;
  out.push_back(SamProblem{kCode,
                           "Available MutualTlsAuthentication fields are " + kTlsFields + ".",
                           source("Domain"), true, subject});
  return true;
}

const Node* eventApiName(const Node& apiId) {
  if (apiId.isMapping() && apiId.has("Ref")) return apiId.get("Ref");
  return &apiId;
}

}  // namespace

namespace {

bool eventsEditApi(const model::Template& templ, std::string_view apiId) {
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Function") continue;
    const Node* events = resource.property("Events");
    if (!events || !events->isMapping()) continue;
    for (const MapEntry& entry : events->entries()) {
      const Node* type = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
      const Node* props = entry.value.isMapping() ? entry.value.get("Properties") : nullptr;
      const Node* apiRef = props && props->isMapping() ? props->get("ApiId") : nullptr;
      const Node* name = apiRef ? eventApiName(*apiRef) : nullptr;
      if (type && type->isString("HttpApi") && name && name->isString(apiId)) return true;
    }
  }
  return false;
}

}  // namespace

bool httpCorsProperties(const Node& cors, HttpCorsProperties& out) {
  if (cors.isBool()) {
    out.wildcardOrigins = true;
    return true;
  }
  if (cors.isIntrinsic()) {
    out.allowOrigins = &cors;
    return true;
  }
  if (!cors.isMapping()) return false;
  for (const MapEntry& entry : cors.entries()) {
    const std::string& key = entry.key.text();
    const Node* value = &entry.value;
    if (key == "AllowMethods") {
      out.allowMethods = value;
    } else if (key == "AllowHeaders") {
      out.allowHeaders = value;
    } else if (key == "AllowOrigins") {
      out.allowOrigins = value;
    } else if (key == "MaxAge") {
      out.maxAge = value;
    } else if (key == "ExposeHeaders") {
      out.exposeHeaders = value;
    } else if (key == "AllowCredentials") {
      out.allowCredentials = value;
    } else {
      return false;
    }
  }
  return true;
}

bool httpApiManagedBody(const model::ResourceView& resource) {
  const Node& own = resource.propertiesMapping();
  return !truthy(own.get("DefinitionBody")) && !truthy(own.get("DefinitionUri"));
}

HttpApiInput httpApiInput(const model::Template& templ, const model::ResourceView& resource,
                          const ParameterValues& params) {
  HttpApiInput input{propertiesWithGlobals(templ, resource), false};
  for (const char* name : {"CorsConfiguration", "Domain"}) {
    const Node* value = input.props.get(name);
    if (!value) continue;
    Resolved resolved = params.resolve(*value);
    if (resolved.failure) input.unresolvable = true;
    input.props.set(name, std::move(resolved.value));
  }
  return input;
}

void validateHttpApi(const model::Template& templ, const model::ResourceView& resource,
                     const HttpApiInput& input, std::vector<SamProblem>& out) {
  // The functions' events edit a user's body before SAM reads the API; where their editor meets
  // a shape it rejects or fails on, SAM stops there (not modelled).
  bool managed = httpApiManagedBody(resource);
  const Node* body = managed ? nullptr : given(input.props, "DefinitionBody");
  if (body && openApiDocument(body) == Verdict::kYes && !pathsShapedForEvents(*body) &&
      eventsEditApi(templ, resource.id))
    return;
  if (checkSamPropertyTypes(templ, resource, input.props, httpApiPropertyTypes(), out)) return;
  if (input.unresolvable) return;
  generatorProblem(input.props, managed, templ, resource, out);
}

std::vector<SamProblem> implicitHttpApiPluginProblems(const model::Template& templ) {
  std::vector<SamProblem> found;
  for (const model::ResourceView& resource : templ.resources()) {
    // ServerlessAppPlugin runs first; the order of its problems and these is not modelled.
    if (resource.type == "AWS::Serverless::Application") return {};
    if (resource.type != "AWS::Serverless::Function" &&
        resource.type != "AWS::Serverless::StateMachine")
      continue;
    const Node* events = resource.property("Events");
    if (!events || !events->isMapping()) continue;
    std::vector<SamProblem> own;
    for (const MapEntry& entry : events->entries()) {
      const Node* type = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
      if (!type || !type->isString("HttpApi")) continue;
      const std::string prefix = "Event with id [" + entry.key.text() + "] is invalid. ";
      auto fails = [&](std::string message, const Node* node) {
        own.push_back(SamProblem{kEventCode, prefix + std::move(message), node, true,
                                 std::string(resource.id)});
      };
      static const Node kNoProperties = Node::mapping();
      const Node* props =
          entry.value.has("Properties") ? entry.value.get("Properties") : &kNoProperties;
      if (!props->isMapping()) {
        fails("Properties should be a map.", props);
        continue;
      }
      const Node* path = props->get("Path");
      const Node* method = props->get("Method");
      bool defaultRoute = !truthy(path) && !truthy(method);
      const Node* apiId = props->get("ApiId");
      if (!defaultRoute && (!path || path->isNull())) {
        fails("Property 'Path' is required.", props);
        continue;
      }
      if (!defaultRoute && (!method || method->isNull())) {
        fails("Property 'Method' is required.", props);
        continue;
      }
      const Node* name = apiId ? eventApiName(*apiId) : nullptr;
      // A parameter's Ref SAM resolves first to a value not modelled here.
      if (name && name != apiId && name->isString() && templ.parameter(name->text())) return {};
      if (name && !name->isString()) {
        fails("Property 'ApiId' should be a string.", apiId);
        continue;
      }
      if (!defaultRoute && !path->isString()) {
        fails("Property 'Path' should be a string.", path);
        continue;
      }
      if (!defaultRoute && !method->isString()) {
        fails("Property 'Method' should be a string.", method);
        continue;
      }
      if (name && !templ.resource(name->text())) {
        fails(
            "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same "
            "template.",
            apiId);
        continue;
      }
      if (const Node* settings = props->get("RouteSettings")) {
        const model::ResourceView* api = templ.resource(name ? name->text() : "ServerlessHttpApi");
        const Node* apiSettings = api ? api->property("RouteSettings") : nullptr;
        // The API's own RouteSettings that are not a map fail the whole transform: not modelled.
        if (apiSettings && !apiSettings->isMapping()) return {};
        // With the function's Condition, the settings are wrapped in an Fn::If, a map.
        if (!resource.condition && !settings->isMapping()) {
          fails("Property 'RouteSettings' should be a map.", settings);
          continue;
        }
      }
    }
    if (own.empty()) continue;
    // SAM stops a resource at its first failing event, in Python 2.7 order: one is unambiguous.
    if (own.size() > 1) return {};
    found.push_back(std::move(own.front()));
  }
  // With an Api resource, SAM's Resources iterate in Python 2.7 order (py27hash_fix), which is
  // not modelled here.
  if (found.size() > 1) {
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.type == "AWS::Serverless::Api") return {};
    }
  }
  return found;
}

std::optional<SamProblem> httpApiEventLinkProblem(const model::Template& templ, const Node& event) {
  const Node* props = event.get("Properties");
  const Node* apiId = props && props->isMapping() ? props->get("ApiId") : nullptr;
  const Node* name = apiId ? eventApiName(*apiId) : nullptr;
  if (!name || !name->isString()) return std::nullopt;
  const model::ResourceView* api = templ.resource(name->text());
  if (!api || api->type != "AWS::Serverless::HttpApi" || httpApiManagedBody(*api))
    return std::nullopt;
  Node merged = propertiesWithGlobals(templ, *api);
  const Node* body = given(merged, "DefinitionBody");
  if (!truthy(body) || openApiDocument(body) != Verdict::kNo) return std::nullopt;
  // HttpApi._get_permission re-raises the editor's problem under the API's ID.
  const Node* own = api->propertiesMapping().get("DefinitionBody");
  return SamProblem{kEventCode, kInvalidOpenApi, own ? own : api->idNode, true, name->text()};
}

}  // namespace samshift::sam
