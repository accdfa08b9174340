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

#include "sam_outputs.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;

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
    for (const testing::Partition& partition : testing::kPartitions) {
      if (!testing::samFixtureHasOutput(name, partition)) continue;
      testing::Judgement judgement = testing::judgeSamFixture(name, partition);
      std::string why = judgement.verdict == testing::Verdict::kSame ? "" : judgement.why;
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

// Every SAM translator fixture, in every partition SAM has an output for: expand never prints a
// template that differs from SAM's, never accepts what SAM rejects nor rejects what SAM accepts;
// what it cannot do it says (exit 2). The fixtures in tests/data/sam_fixtures_matching.txt match
// in every partition: the list only grows (SAMSHIFT_UPDATE_SNAPSHOTS=1 adds the new ones).
TEST_CASE("expand matches or refuses every SAM translator fixture", "[expand][conformance]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: conformance test skipped");
    return;
  }
  std::set<std::string> listed = testing::readList("tests/data/sam_fixtures_matching.txt");
  // SAM's test suite made this fixture's output with the translator's passthrough_metadata
  // option, which copies Metadata to every generated resource; the deployed transform (and
  // sam-translate, and every real template's output) runs without it, as expand does.
  // feature_toggle_api_open_api_version_override was made with the feature toggle
  // normalized_openapi_version on (api_generator.py _openapi_postprocess), which the deployed
  // transform does not enable: expand gives what sam-translate gives.
  const std::set<std::string> madeWithTranslatorOptions = {
      "translate_convert_metadata", "feature_toggle_api_open_api_version_override"};
  std::vector<std::string> newlyMatching;
  size_t matching = 0, runs = 0;
  for (const auto& entry :
       fs::directory_iterator(testing::corpusRoot() / "sam-translator" / "input")) {
    if (entry.path().extension() != ".yaml") continue;
    std::string name = entry.path().stem().string();
    bool all = true;
    for (const testing::Partition& partition : testing::kPartitions) {
      if (!testing::samFixtureHasOutput(name, partition)) continue;
      ++runs;
      testing::Judgement judgement = testing::judgeSamFixture(name, partition);
      INFO(name << " in " << partition.name << ": " << testing::verdictName(judgement.verdict)
                << ": " << judgement.why);
      if (!madeWithTranslatorOptions.count(name))
        CHECK(judgement.verdict != testing::Verdict::kWrongOutput);
      CHECK(judgement.verdict != testing::Verdict::kFalseAccept);
      CHECK(judgement.verdict != testing::Verdict::kFalseReject);
      if (listed.count(name)) CHECK(judgement.verdict == testing::Verdict::kSame);
      if (judgement.verdict != testing::Verdict::kSame) all = false;
    }
    if (all) ++matching;
    if (all && !listed.count(name)) newlyMatching.push_back(name);
  }
  for (const std::string& name : newlyMatching) WARN(name << " now matches SAM");
  testing::addToList("tests/data/sam_fixtures_matching.txt", newlyMatching);
  WARN(matching << " SAM fixtures match in every partition (" << runs << " fixture runs)");
  CHECK(matching >= listed.size());
}

// The real templates of serverless-patterns, packaged as `sam package` leaves them, against the
// real SAM transform's output: the same promises, and the matching ones listed in
// tests/data/real_templates_matching.txt stay matching.
TEST_CASE("expand matches or refuses every real packaged template", "[expand][conformance]") {
  fs::path packaged = testing::corpusRoot() / "serverless-patterns" / "packaged";
  if (!fs::is_directory(packaged)) {
    WARN("../shared/corpus/serverless-patterns is absent: real-template test skipped");
    return;
  }
  std::set<std::string> listed = testing::readList("tests/data/real_templates_matching.txt");
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(packaged)) {
    if (entry.is_regular_file())
      paths.push_back(fs::relative(entry.path(), packaged).generic_string());
  }
  std::sort(paths.begin(), paths.end());
  size_t matching = 0, accepted = 0;
  std::vector<std::string> newlyMatching;
  for (const std::string& path : paths) {
    testing::Judgement judgement = testing::judgeRealTemplate(path);
    INFO(path << ": " << testing::verdictName(judgement.verdict) << ": " << judgement.why);
    CHECK(judgement.verdict != testing::Verdict::kWrongOutput);
    CHECK(judgement.verdict != testing::Verdict::kFalseAccept);
    CHECK(judgement.verdict != testing::Verdict::kFalseReject);
    if (listed.count(path)) CHECK(judgement.verdict == testing::Verdict::kSame);
    bool samAccepts = fs::exists((testing::corpusRoot() / "serverless-patterns" / "output" / path)
                                     .replace_extension(".json"));
    if (samAccepts) ++accepted;
    if (samAccepts && judgement.verdict == testing::Verdict::kSame) {
      ++matching;
      if (!listed.count(path)) newlyMatching.push_back(path);
    }
  }
  for (const std::string& path : newlyMatching) WARN(path << " now matches SAM");
  testing::addToList("tests/data/real_templates_matching.txt", newlyMatching);
  WARN(matching << " of the " << accepted << " real templates SAM accepts match");
  CHECK(matching >= listed.size());
}
