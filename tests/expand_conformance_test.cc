// The SAM translator fixtures in ../shared (in-scope.txt): each expected-passing fixture must
// expand, in every partition, to a template equal to the translator's output once lists are
// compared as multisets (as the upstream suite and tools/sam-conformance do); each error fixture
// must be rejected with the translator's exact message. A fixture that stops passing fails here.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "expand/expander.h"
#include "expand/python_json.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using model::MapEntry;
using model::Node;

namespace {

// Every in-scope fixture.
const std::set<std::string> kExpectedPassing = {
    "capacity_provider_global_with_functions",
    "capacity_provider_with_mulitple_functions",
    "error_auto_publish_alias_empty_string",
    "error_auto_publish_alias_version_deletion_policy",
    "error_function_fnsub_in_auto_publish_hash",
    "error_function_invalid_autopublishalias",
    "error_function_invalid_autopublishalias_allproperties",
    "error_function_invalid_autopublishalias_name",
    "error_function_with_deployment_preference_invalid_alarms",
    "error_function_with_deployment_preference_missing_alias",
    "error_function_with_deployment_preference_passthrough_condition_with_invalid_values",
    "error_function_with_event_dest_invalid",
    "error_function_with_event_dest_type",
    "error_function_with_invalid_deployment_preference_hook_property",
    "error_function_with_no_alias_provisioned_concurrency",
    "error_globals_unsupported_property",
    "error_mappings_is_null",
    "error_state_machine_with_deployment_preference_missing_auto_publish_alias",
    "error_tenancy_with_provisioned_concurrency",
    "error_version_deletion_policy_without_auto_publish_alias",
    "function_event_conditions",
    "function_with_alias",
    "function_with_alias_all_properties_and_code_sha256",
    "function_with_alias_and_all_properties_property",
    "function_with_alias_and_code_sha256",
    "function_with_alias_and_event_sources",
    "function_with_alias_intrinsics",
    "function_with_alias_valid_names",
    "function_with_alias_version_deletion_policy",
    "function_with_aliasallproperties_and_lambda_layer_publishversion_false",
    "function_with_aliasallproperties_and_lambda_layer_publishversion_true",
    "function_with_capacity_provider_and_autopublish",
    "function_with_custom_codedeploy_deployment_preference",
    "function_with_custom_conditional_codedeploy_deployment_preference",
    "function_with_deployment_and_custom_role",
    "function_with_deployment_no_service_role_with_passthrough",
    "function_with_deployment_no_service_role_without_passthrough",
    "function_with_deployment_preference",
    "function_with_deployment_preference_alarms_intrinsic_if",
    "function_with_deployment_preference_all_parameters",
    "function_with_deployment_preference_condition_with_passthrough",
    "function_with_deployment_preference_condition_without_passthrough",
    "function_with_deployment_preference_from_parameters",
    "function_with_deployment_preference_multiple_combinations",
    "function_with_deployment_preference_multiple_combinations_conditions_with_passthrough",
    "function_with_deployment_preference_multiple_combinations_conditions_without_passthrough",
    "function_with_deployment_preference_passthrough_condition_with_supported_intrinsics",
    "function_with_disabled_deployment_preference",
    "function_with_disabled_traffic_hook",
    "function_with_event_dest_basic",
    "function_with_event_dest_s3_bucket",
    "function_with_events_and_propagate_tags",
    "function_with_function_url_config_and_autopublishalias",
    "function_with_kinesis_with_start_time_timestamp",
    "function_with_propagate_tags_and_no_tags",
    "function_with_resource_refs",
    "function_with_runtime_config",
    "function_with_snapstart",
    "globals_for_function",
    "state_machine_with_auto_publish_alias",
    "state_machine_with_deletion_policy",
    "state_machine_with_deployment_preference_all_at_once",
    "state_machine_with_deployment_preference_canary",
    "state_machine_with_deployment_preference_linear",
    "state_machine_with_events_and_alias",
    "state_machine_with_update_replace_policy",
    "version_deletion_policy_precedence",
};

// A text form in which equal templates are equal: keys sorted, lists sorted as multisets.
std::string canonical(const Node& node) {
  if (node.isMapping()) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const MapEntry& entry : node.entries())
      entries.emplace_back(entry.key.text(), canonical(entry.value));
    std::sort(entries.begin(), entries.end());
    std::string out = "{";
    for (const auto& [key, value] : entries)
      out += expand::pythonJson(Node::string(key)) + ":" + value + ",";
    return out + "}";
  }
  if (node.isSequence()) {
    std::vector<std::string> items;
    for (const Node& item : node.items()) items.push_back(canonical(item));
    std::sort(items.begin(), items.end());
    std::string out = "[";
    for (const std::string& item : items) out += item + ",";
    return out + "]";
  }
  // Python compares 75 == 75.0 as equal, and so does the upstream suite.
  if (node.isFloat() &&
      node.floatValue() == static_cast<double>(static_cast<int64_t>(node.floatValue()))) {
    return std::to_string(static_cast<int64_t>(node.floatValue()));
  }
  return expand::pythonJson(node);
}

struct Partition {
  const char* name;
  const char* region;
  const char* outputDir;
};
constexpr Partition kPartitions[] = {
    {"aws", "ap-southeast-1", "output"},
    {"aws-cn", "cn-north-1", "output/aws-cn"},
    {"aws-us-gov", "us-gov-west-1", "output/aws-us-gov"},
};

// Empty when the fixture passes in this partition; otherwise why not.
std::string check(const std::string& name, const Partition& partition) {
  fs::path root = testing::corpusRoot() / "sam-translator";
  model::Document input =
      load::loadText(name + ".yaml", testing::readFile(root / "input" / (name + ".yaml")));
  if (!input.parsed) return "input does not load";
  model::Template templ(input.root);
  sam::ParameterValues params(templ, {{"param1", "value1"}, {"param2", "value2"}},
                              partition.region);
  expand::ExpandResult result = expand::expandTemplate(input.root, params);
  fs::path expectedPath = root / partition.outputDir / (name + ".json");
  bool error = name.rfind("error_", 0) == 0;
  if (error && partition.name != std::string("aws")) return {};
  if (!fs::exists(expectedPath)) return "no expected output";
  model::Document expected = load::loadText(expectedPath.string(), testing::readFile(expectedPath));
  if (!expected.parsed) return "expected output does not load";
  if (result.unsupported) return "not supported: " + *result.unsupported;
  if (error) {
    const Node* message = expected.root.get("errorMessage");
    if (result.errors.empty()) return "not rejected";
    // SAM reports the resources in the order it meets them; its test suite, which wrote these
    // expected messages, sorts them by logical ID first.
    std::vector<expand::ExpandError> sorted = result.errors;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.logicalId < b.logicalId; });
    if (!message || expand::overallErrorMessage(sorted) != message->text()) {
      return "message differs: " + expand::overallErrorMessage(sorted);
    }
    return {};
  }
  if (!result.errors.empty()) return "rejected: " + expand::overallErrorMessage(result.errors);
  if (canonical(result.output) != canonical(expected.root)) return "template differs";
  return {};
}

}  // namespace

TEST_CASE("SAM translator fixtures expand like the translator", "[expand][conformance]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: conformance test skipped");
    return;
  }
  std::string list = testing::readFile(testing::corpusRoot() / "sam-translator" / "in-scope.txt");
  std::vector<std::string> names;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find('\n', start);
    std::string name =
        list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!name.empty()) names.push_back(name);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  REQUIRE(names.size() == 67);
  size_t passing = 0;
  for (const std::string& name : names) {
    bool allPass = true;
    for (const Partition& partition : kPartitions) {
      std::string why = check(name, partition);
      if (!why.empty()) allPass = false;
      if (kExpectedPassing.count(name)) {
        INFO(name << " in " << partition.name);
        CHECK(why == "");
      }
    }
    if (allPass) ++passing;
  }
  // Every expected-passing fixture is in scope, so the count pins the list too.
  CHECK(passing == kExpectedPassing.size());
}
