#include "sam/application.h"

#include <algorithm>
#include <regex>
#include <string_view>

#include "sam/deployment_model.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::Node;

namespace {

// SamApplication.property_types, in SAM's order.
const SamPropertyType kApplicationPropertyTypes[] = {
    {"Location", true, oneOf({isSamString, isSamMap})},
    {"TemplateUrl", false, isSamString},
    {"Parameters", false, isSamMap},
    {"NotificationARNs", false, listOf(oneOf({isSamString, isSamMap}))},
    {"Tags", false, isSamMap},
    {"TimeoutInMinutes", false, isSamInt},
};

// The regions where botocore 1.43 (what the SAM translator v1.110.0 runs with) lists the
// Serverless Application Repository (RegionConfiguration.is_service_supported).
constexpr std::string_view kServerlessRepoRegions[] = {
    "ap-east-1",      "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1",
    "ap-southeast-2", "ca-central-1",   "eu-central-1",   "eu-north-1", "eu-west-1",
    "eu-west-2",      "eu-west-3",      "me-south-1",     "sa-east-1",  "us-east-1",
    "us-east-2",      "us-west-1",      "us-west-2",      "cn-north-1", "cn-northwest-1",
    "us-gov-east-1",  "us-gov-west-1"};

constexpr const char* kUnresolvable =
    " cannot be resolved. Only FindInMap and Ref intrinsic functions are supported.";

// What the plugin's on_before_transform_template made of one (ApplicationId, SemanticVersion)
// pair, the first time it met it.
struct RepoRequest {
  const model::ResourceView* first = nullptr;  // the application that made it
  Node applicationId, semanticVersion;         // resolved against parameters and Mappings
  std::optional<SamProblem> problem;           // what SAM raises for every application using it
  std::optional<SamProblem> stops;  // the template error SAM's resolver raises: SAM stops there
  // Why samshift cannot tell what SAM makes of it: AWS answers, or SAM's resolver may fail.
  std::optional<std::string> callsAws;
};

const Node* locationOf(const model::ResourceView& resource) {
  const Node* location = resource.property("Location");
  return location && location->isMapping() ? location : nullptr;
}

// _can_process_application: a Location mapping with a non-null ApplicationId and SemanticVersion.
bool processed(const model::ResourceView& resource) {
  const Node* location = locationOf(resource);
  if (!location) return false;
  const Node* id = location->get("ApplicationId");
  const Node* version = location->get("SemanticVersion");
  return id && !id->isNull() && version && !version->isNull();
}

bool holdsFindInMap(const Node& value) {
  if (value.isIntrinsic() && value.intrinsicName() == "Fn::FindInMap") return true;
  if (value.isMapping()) {
    return std::any_of(value.entries().begin(), value.entries().end(),
                       [](const model::MapEntry& entry) { return holdsFindInMap(entry.value); });
  }
  return value.isSequence() && std::any_of(value.items().begin(), value.items().end(),
                                           [](const Node& item) { return holdsFindInMap(item); });
}

// _resolve_location_value: parameters, then Mappings. A value that cannot be resolved to an end
// is left as written and the transform said to depend on it; so is one where an Fn::FindInMap
// is left, which SAM's FindInMapAction may have refused with a template error of its own.
Node resolveLocationValue(const Node& value, const ParameterValues& params,
                          std::optional<std::string>& unresolvable,
                          std::optional<SamProblem>& stops) {
  if (stops) return value;
  Resolved resolved = params.resolveWithMappings(value);
  if (resolved.failure) stops = findInMapProblem(*resolved.failure, &value);
  if (resolved.failure && !stops && !unresolvable)
    unresolvable = resolved.failure->describeForSam();
  if (!unresolvable && holdsFindInMap(resolved.value))
    unresolvable = "an Fn::FindInMap in an application's Location that SAM does not resolve";
  return std::move(resolved.value);
}

// on_before_transform_template, for every application in template order.
std::vector<RepoRequest> repoRequests(const model::Template& templ, const ParameterValues& params) {
  std::vector<RepoRequest> requests;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Application" || !processed(resource)) continue;
    const Node& location = *locationOf(resource);
    std::optional<std::string> unresolvable;
    std::optional<SamProblem> stops;
    Node id = resolveLocationValue(*location.get("ApplicationId"), params, unresolvable, stops);
    Node version =
        resolveLocationValue(*location.get("SemanticVersion"), params, unresolvable, stops);
    if (stops) {
      // The resolver's exception ends the plugin and the transform: no later application is
      // read, and the calls made for earlier ones do not matter unless AWS fails them.
      requests.push_back(RepoRequest{&resource, {}, {}, std::nullopt, stops, std::nullopt});
      break;
    }
    bool seen = std::any_of(requests.begin(), requests.end(), [&](const RepoRequest& request) {
      return request.applicationId.sameValue(id) && request.semanticVersion.sameValue(version);
    });
    if (seen) continue;
    RepoRequest request{&resource, id, version, std::nullopt, std::nullopt, std::nullopt};
    std::string name(resource.id);
    if (unresolvable) {
      request.callsAws = *unresolvable;
    } else if (id.isMapping() || version.isMapping()) {
      // Left for on_before_transform_resource, which says it cannot be resolved.
    } else if (!id.isString() || !version.isString()) {
      std::string key = id.isString() ? "SemanticVersion" : "ApplicationId";
      request.problem = resourceProblem("application-location-type",
                                        "Property 'Location." + key + "' should be a string.",
                                        location.get(key.c_str()));
    } else if (std::find(std::begin(kServerlessRepoRegions), std::end(kServerlessRepoRegions),
                         params.region()) == std::end(kServerlessRepoRegions)) {
      request.callsAws =
          "the Serverless Application Repository's regions in the botocore SAM "
          "runs with decide whether application " +
          name + " can be used in " + (params.region().empty() ? "this region" : params.region());
    } else if (std::regex_search(id.text(),
                                 std::regex(R"(\{\{resolve:ssm:[a-zA-Z0-9_.\-/]+(:\d+)?\}\})"))) {
      request.problem =
          resourceProblem("application-dynamic-reference",
                          "Serverless Application Repostiory does not support dynamic reference in "
                          "'ApplicationId' property.",
                          location.get("ApplicationId"));
    } else {
      request.callsAws = "Location of application " + name +
                         " names a Serverless Application Repository application, whose "
                         "TemplateURL SAM asks AWS for";
    }
    if (request.problem) request.problem->subjectId = name;
    requests.push_back(std::move(request));
  }
  return requests;
}

// on_before_transform_resource: the Location checks. Returns true when SAM stops there.
// Application takes no Globals: its nodes are the template's own.
bool checkLocation(const model::Template& templ, const model::ResourceView& resource,
                   const ParameterValues& params, std::vector<SamProblem>& out) {
  auto missing = [&](const char* key, const Node* node) {
    out.push_back(resourceProblem(
        "application-location-missing",
        "Resource is missing the required [" + std::string(key) + "] property.", node));
    return true;
  };
  const Node* location = resource.property("Location");
  if (!location) return missing("Location", resource.idNode);
  if (!location->isMapping()) return false;
  for (const char* key : {"ApplicationId", "SemanticVersion"}) {
    if (!location->has(key)) return missing(key, location);
  }
  // The plugin resolved both values in place when neither was null.
  std::vector<RepoRequest> requests;
  const Node* id = location->get("ApplicationId");
  const Node* version = location->get("SemanticVersion");
  Node resolvedId, resolvedVersion;
  if (processed(resource)) {
    requests = repoRequests(templ, params);
    std::optional<std::string> ignored;
    std::optional<SamProblem> stopped;  // validateSamTemplate's to report
    resolvedId = resolveLocationValue(*id, params, ignored, stopped);
    resolvedVersion = resolveLocationValue(*version, params, ignored, stopped);
    // SAM's resolver ended the transform before this resource: nothing more to report here.
    if (stopped) return true;
    id = &resolvedId;
    version = &resolvedVersion;
  }
  const Node* idSource = location->get("ApplicationId");
  const Node* versionSource = location->get("SemanticVersion");
  // A value SAM's resolver may have refused: what SAM says is not known.
  for (const RepoRequest& request : requests) {
    if (request.applicationId.sameValue(*id) && request.semanticVersion.sameValue(*version) &&
        request.callsAws && (id->isMapping() || version->isMapping()))
      return true;
  }
  // The first of these checks that fails stops SAM: {code, message, node}.
  struct Check {
    bool fails;
    const char* code;
    std::string message;
    const Node* node;
  };
  const Check checks[] = {
      {id->isNull(), "application-location-missing", "Property 'ApplicationId' is required.",
       idSource},
      {id->isMapping(), "application-location-unresolved",
       "Property 'ApplicationId'" + std::string(kUnresolvable), idSource},
      {!pythonTruthy(*version), "application-semantic-version-blank",
       "Property 'SemanticVersion' cannot be blank.", versionSource},
      {version->isMapping(), "application-location-unresolved",
       "Property 'SemanticVersion'" + std::string(kUnresolvable), versionSource},
  };
  for (const Check& check : checks) {
    if (!check.fails) continue;
    out.push_back(resourceProblem(check.code, check.message, check.node));
    return true;
  }
  for (const RepoRequest& request : requests) {
    if (!request.applicationId.sameValue(*id) || !request.semanticVersion.sameValue(*version))
      continue;
    if (!request.problem) return false;
    out.push_back(*request.problem);
    if (request.first != &resource) out.back().node = idSource;
    return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> serverlessRepoCall(const model::Template& templ,
                                              const ParameterValues& params) {
  std::vector<RepoRequest> requests = repoRequests(templ, params);
  if (!requests.empty() && requests.back().stops) return std::nullopt;
  for (const RepoRequest& request : requests) {
    if (request.callsAws) return request.callsAws;
  }
  return std::nullopt;
}

std::optional<SamProblem> serverlessRepoPluginProblem(const model::Template& templ,
                                                      const ParameterValues& params) {
  std::vector<RepoRequest> requests = repoRequests(templ, params);
  if (requests.empty() || !requests.back().stops) return std::nullopt;
  return requests.back().stops;
}

void validateApplication(const model::Template& templ, const model::ResourceView& resource,
                         const ParameterValues& params, const Node& props,
                         std::vector<SamProblem>& out) {
  if (checkLocation(templ, resource, params, out)) return;
  // The plugin sets TemplateUrl from a Location that is not a mapping (after the user's keys
  // when not among them), so SAM checks that value as TemplateUrl.
  Node read = props;
  if (const Node* location = props.get("Location"); location && !location->isMapping()) {
    read.set("TemplateUrl", *location);
  } else if (location) {
    read.set("TemplateUrl", Node::string("https://the-url-the-repository-gives"));
  }
  if (checkSamPropertyTypes(templ, resource, read, kApplicationPropertyTypes, out)) return;
  const Node* tags = resource.property("Tags");
  if (!tags || !tags->isMapping()) return;
  for (const char* reserved : kReservedTagKeys) {
    if (!tags->has(reserved)) continue;
    out.push_back(resourceProblem("reserved-tag",
                                  std::string(reserved) +
                                      " is a reserved Tag key name and cannot be set on your "
                                      "resource. Please change the tag key in the input.",
                                  tags->get(reserved)));
    return;
  }
}

}  // namespace samshift::sam
