#pragma once
// The Route53 records SAM makes for the custom domains of REST, HTTP and WebSocket APIs
// (ApiGenerator / ApiV2Generator _construct_record_sets_for_domain, the RecordSetGroups of
// samtranslator/model/route53.py), and the hashed logical IDs of those domains.

#include <string>
#include <vector>

#include "expand/context.h"

namespace samshift::expand::api {

// LogicalIdGenerator(prefix, data).gen(): the SHA-1 of a string as it is, of anything else as
// json.dumps(sort_keys) writes it; no hash for falsy data.
std::string hashedLogicalId(const std::string& prefix, const model::Node* data);

// The value as SAM writes it out: the template's Py27Dicts iterate in Python 2.7 order.
model::Node asWritten(const model::Node& value);

// The A record set aliasing the domain, and an AAAA one when the Route53's IpV6 is true, each
// with the Route53's Region and SetIdentifier when not null; values as SAM writes them out.
std::vector<model::Node> domainRecordSets(const model::Node& domainName, const model::Node& route53,
                                          const model::Node& aliasTarget);

// Adds record sets to the group SAM's translator shares between the REST and HTTP APIs of a
// hosted zone (route53_record_set_groups): the API first in the translator's walk creates it with
// `zoneProperties` (HostedZoneId / HostedZoneName) and its resource attributes.
void addToSharedRecordSetGroup(ExpandContext& ctx, const std::string& apiId,
                               const std::string& groupId, model::Node zoneProperties,
                               std::vector<model::Node> sets, const PassThrough& pass);

// A group of one API's own: a REST domain's SeparateRecordSetGroup, or a WebSocket API's (its
// generator is handed a fresh dict). The last API in the translator's walk to write an ID wins.
void addOwnRecordSetGroup(ExpandContext& ctx, const std::string& apiId, const std::string& groupId,
                          model::Node properties, const PassThrough& pass);

// The API's place in the translator's walk: the Py27Dict order of a template SAM converts, else
// the template's, where the implicit HTTP API, added by its plugin, comes last.
size_t translationRank(const ExpandContext& ctx, const std::string& apiId);

// Emits the RecordSetGroups, each as the last API to write its ID left it.
void emitRecordSetGroups(ExpandContext& ctx);

}  // namespace samshift::expand::api
