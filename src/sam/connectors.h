#pragma once
// AWS::Serverless::Connector as SAM transforms it (model/sam_resources.py SamConnector,
// model/connector/connector.py): how it reads its Source and Destination, which profile applies,
// which permissions it accepts and what it generates; and the `Connectors` resource attribute
// (translator/translator.py _get_embedded_connectors), which SAM turns into connectors named
// `<Resource><Name>`. SAM transforms connectors last, against the template as transformed so far:
// the caller says what it holds for a logical ID (ConnectorLookup).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/validation.h"

namespace samshift::sam {

// What SAM's resource resolver holds for a logical ID when a connector is transformed.
struct ConnectorLookupResult {
  const model::Node* resource = nullptr;  // `{Type, Properties, …}`; null when there is none
  bool unknown = false;                   // the caller cannot tell
};
using ConnectorLookup = std::function<ConnectorLookupResult(std::string_view logicalId)>;

// A resource a connector generates.
struct ConnectorResource {
  std::string logicalId;  // `<Connector>Policy`, `<Connector>QueuePolicyDestination1`, …
  std::string type;       // AWS::IAM::ManagedPolicy, AWS::SQS::QueuePolicy, …
  model::Node properties;
  // The resource SAM adds this one to the DependsOn of (profile's DependedBy): the source, or
  // the one event source mapping from the source to the destination function.
  bool dependedBySource = false;
  bool dependedByEventSourceMapping = false;
  // The endpoints of its destination: logical IDs (empty when given by Arn/Type) and types as
  // SAM resolved them (CloudFormation types).
  std::string sourceId, destinationId, sourceType, destinationType;
};

struct ConnectorPlan {
  std::optional<std::string> rejection;  // SAM's message (without the resource prefix)
  std::optional<std::string> unknown;    // what the caller could not tell, or SAM fails on
  std::vector<ConnectorResource> resources;
};

// SAM's transform of connector `connectorId` with `properties` (its Properties as SAM holds
// them; for an embedded one, with `Source: {Id: …}` added).
ConnectorPlan planConnector(std::string_view connectorId, const model::Node* properties,
                            const ConnectorLookup& lookup);

// One connector of a `Connectors` attribute, as SAM adds it to the template.
struct EmbeddedConnector {
  std::string logicalId;  // `<Resource><Name>`
  std::string sourceId;
  const model::Node* node = nullptr;  // the entry's value in the template
  model::Node resource;  // `{…the entry…, Type: AWS::Serverless::Connector}` with Source set
  // Why samshift cannot tell what SAM makes of the entry (a key whose JSON form it does not
  // compute); empty when it can.
  std::string unsupported;
};

// The connectors of every `Connectors` attribute that SAM adds to the template, in its order
// (resources in template order, then each attribute's keys); not those it rejects while it reads
// them (embeddedConnectorProblems).
std::vector<EmbeddedConnector> embeddedConnectors(const model::Template& templ);

// SAM's rejections of the `Connectors` attribute of `resource` and of the connectors it makes,
// each reported (ProblemScope::kConnector).
std::vector<SamProblem> embeddedConnectorProblems(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const ParameterValues& params);

// SAM's rejection of an AWS::Serverless::Connector resource of the template; at most one.
std::vector<SamProblem> connectorProblems(const model::Template& templ,
                                          const model::ResourceView& resource,
                                          const ParameterValues& params);

}  // namespace samshift::sam
