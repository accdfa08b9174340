#pragma once
// The API Gateway APIs of one template while it is expanded: the implicit ServerlessRestApi /
// ServerlessHttpApi SAM creates for events without an API, and the explicit AWS::Serverless::Api
// resources. Events add their integrations to the body; the resources are emitted at the end.

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "expand/api/py_object.h"
#include "model/node.h"
#include "model/template.h"

namespace samshift::expand::api {

inline constexpr const char* kImplicitRestApi = "ServerlessRestApi";
inline constexpr const char* kImplicitHttpApi = "ServerlessHttpApi";

// SAM's editors copy the whole body of an API they manage twice for every route they add to it,
// and twice more for every integration, so the work grows with the square of its routes (as it
// does in SAM). Past this many routes `expand` refuses rather than run for seconds: about a second
// of work here, and eight times more routes than one stack can hold (500 resources, and every
// route brings a Lambda permission).
inline constexpr size_t kMaxRoutesPerManagedApi = 4000;

// Where an event comes in SAM's translator: functions, then state machines, each in the order
// of the template's Resources (a Py27Dict), then the event's place among the resource's events.
using EventRank = size_t;

// An integration an event adds to a SAM-managed body. SAM's editor copies the body before and
// after each one, so the order of the edits matters to the body's str(): they are kept here and
// applied in SAM's order when the API is emitted.
struct BodyEdit {
  EventRank rank = 0;
  std::string path;
  std::string methodName;                     // as the event wrote it, for messages
  std::function<bool(PyObject& body)> apply;  // false where SAM's editor fails on the body
  bool integration = true;  // adds the method's integration (else only its Auth: OverrideApiAuth)
};

// The user tags functions with PropagateTags hand to an implicit API, in the order first given,
// found by an index: thousands of functions may each bring their own.
struct PropagatedTags {
  model::Node mapping = model::Node::mapping();
  std::unordered_map<std::string, size_t> index;  // tag → its entry in `mapping`
};

// _update_resource_attributes_from_api_event: the Condition of the resource behind each method
// (as written) of each path, null for none.
using MethodConditions = std::map<std::string, std::map<std::string, const model::Node*>>;

struct RestApi {
  bool implicit = false;
  bool managed = false;  // SAM owns the body and adds the events' integrations
  // MergeDefinitions: each event's integration is made on a fresh skeleton and merged into the
  // body (api/merge_definitions.h).
  bool mergeDefinitions = false;
  std::optional<PyObject> body;    // DefinitionBody, managed or the user's
  std::optional<PyObject> bodyS3;  // BodyS3Location, from DefinitionUri
  model::Node stageName;
  // The properties SAM's ApiGenerator reads: the resource's with Globals, or for the implicit API
  // the `Globals: Api` section's.
  model::Node properties = model::Node::mapping();
  const model::ResourceView* resource = nullptr;  // an explicit API's resource
  bool openApiVersionPlain =
      false;            // OpenApiVersion is SAM's str() of a number, not the template's
  PropagatedTags tags;  // the implicit API's, from its functions
  // The DeletionPolicy / UpdateReplacePolicy of each resource with an event on the implicit API.
  std::vector<const model::Node*> deletionPolicies, updateReplacePolicies;
  std::vector<BodyEdit> edits;        // integrations of the events, until the API is emitted
  MethodConditions methodConditions;  // of each path of a body SAM manages
  // _maybe_add_condition_to_implicit_api: the implicit API's Condition when every method on it
  // comes from a resource with a Condition (its resources all take it).
  std::optional<model::Node> implicitCondition;
  // str() of the FunctionName of each function with an event on it, once per event.
  std::vector<std::pair<EventRank, std::string>> functionNames;
};

struct HttpApi {
  // The OpenAPI body the editors edit: SAM's skeleton, or the user's OpenAPI DefinitionBody.
  PyObject body;
  bool managed = true;  // SAM's skeleton (__MANAGE_SWAGGER): a second route is SAM's rejection
  // A DefinitionBody that is not an OpenAPI document (an AWS::Include, mostly), kept as written,
  // or the BodyS3Location of a DefinitionUri; then `body` is unused.
  std::optional<model::Node> opaqueBody;
  std::optional<model::Node> bodyS3;
  bool editable() const { return !opaqueBody && !bodyS3; }
  PropagatedTags tags;
  // The properties the generator reads: the resource's with `Globals: HttpApi`, or for the
  // implicit API the Globals section's.
  model::Node properties = model::Node::mapping();
  const model::ResourceView* resource = nullptr;  // an explicit API's resource
  // As RestApi's: the Condition behind each method of each path of a body SAM manages, the
  // implicit API's own Condition, and the policies of the resources with an event on it.
  MethodConditions methodConditions;
  std::optional<model::Node> implicitCondition;
  std::vector<const model::Node*> deletionPolicies, updateReplacePolicies;
};

// A Route53 RecordSetGroup SAM shares between the custom domains of one hosted zone
// (ApiGenerator's route53_record_set_groups): the API that comes first in the translator's walk
// creates it, the others add their record sets to it.
struct RecordSetGroup {
  size_t creatorRank = 0;
  model::Node properties;  // HostedZoneId / HostedZoneName, as the creator gives them
  const model::Node* condition = nullptr;
  const model::Node* deletionPolicy = nullptr;
  const model::Node* updateReplacePolicy = nullptr;
  std::vector<std::pair<size_t, model::Node>> recordSets;  // (rank of the API, record set)
  size_t lastRank = 0;  // of the last API to add record sets, which writes the group last
};

// One API's place in the shared usage plan (api_generator.py SharedApiUsagePlan), kept until
// every API is emitted: SAM's APIs join it in the translator's order.
struct SharedUsagePlanMember {
  size_t rank = 0;  // the API's place in the translator's walk
  std::string apiId, stageId;
  const model::Node* condition = nullptr;
  const model::Node* deletionPolicy = nullptr;
  const model::Node* updateReplacePolicy = nullptr;
  model::Node usagePlan;                      // the API's Auth.UsagePlan, its parameters resolved
  std::optional<model::Node> propagatedTags;  // the tag list the API propagates, if any
};

struct ApiRegistry {
  std::map<std::string, RestApi, std::less<>> rest;
  std::map<std::string, HttpApi, std::less<>> http;
  // (resource ID, event name) → the event's rank; Api events of functions and state machines.
  std::map<std::pair<std::string, std::string>, EventRank> eventRanks;

  // The SAM resources in the order SAM's translator walks them (after the implicit API plugins).
  std::vector<std::string> translationOrder;
  std::map<std::string, RecordSetGroup, std::less<>> recordSetGroups;
  // RecordSetGroups of one API's own: ID → (rank of the last API to write it, the resource).
  std::map<std::string, std::pair<size_t, model::Node>, std::less<>> ownRecordSetGroups;
  std::vector<SharedUsagePlanMember> sharedUsagePlan;

  EventRank rankOf(const std::string& resourceId, const std::string& eventName) const {
    auto it = eventRanks.find({resourceId, eventName});
    return it == eventRanks.end() ? 0 : it->second;
  }
};

}  // namespace samshift::expand::api
