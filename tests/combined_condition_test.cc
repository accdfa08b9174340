// The conditions SAM adds to stand for "any of" several (make_combined_condition), and the names
// it gives an API path's: checked against SAM's own fixtures (implicit_api_with_many_conditions).

#include "sam/combined_condition.h"

#include <catch2/catch.hpp>

#include "expand/python_json.h"

using namespace samshift;

namespace {

std::vector<std::string> numbered(const std::string& prefix, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(prefix + std::to_string(i));
  return out;
}

// Each added condition as `name=json`, in the order SAM adds them.
std::vector<std::string> rendered(const std::string& name, std::vector<std::string> conditions) {
  std::vector<std::string> out;
  for (const auto& [added, value] : sam::combinedConditions(name, std::move(conditions)))
    out.push_back(added + "=" + expand::pythonJson(value));
  return out;
}

}  // namespace

TEST_CASE("two to ten conditions make one Fn::Or", "[sam][conditions]") {
  CHECK(rendered("C", {"A", "B"}) ==
        std::vector<std::string>{R"(C={"Fn::Or":[{"Condition":"A"},{"Condition":"B"}]})"});
  auto ten = sam::combinedConditions("C", numbered("X", 10));
  REQUIRE(ten.size() == 1);
  CHECK(ten[0].first == "C");
  CHECK(ten[0].second.get("Fn::Or")->items().size() == 10);
  CHECK(sam::combinedConditions("C", {"A"}).empty());
}

TEST_CASE("more than ten conditions chain through numbered ones", "[sam][conditions]") {
  // implicit_api_with_many_conditions: Cond, Cond1 … Cond9 and MyCondition, sorted.
  std::vector<std::string> eleven = {"Cond"};
  for (int i = 1; i <= 9; ++i) eleven.push_back("Cond" + std::to_string(i));
  eleven.push_back("MyCondition");
  auto added = sam::combinedConditions("ServerlessRestApiCondition", eleven);
  REQUIRE(added.size() == 2);
  CHECK(added[0].first == "ServerlessRestApiCondition1");
  CHECK(added[0].second.get("Fn::Or")->items().size() == 10);
  CHECK(rendered("ServerlessRestApiCondition", eleven)[1] ==
        R"(ServerlessRestApiCondition={"Fn::Or":[{"Condition":"MyCondition"},)"
        R"({"Condition":"ServerlessRestApiCondition1"}]})");
  // 1 + (n - 2) / 9 conditions: 19 need two, 20 three (C2, C1, C).
  auto nineteen = sam::combinedConditions("C", numbered("X", 19));
  REQUIRE(nineteen.size() == 2);
  CHECK(nineteen[0].first == "C1");
  CHECK(nineteen[1].first == "C");
  CHECK(nineteen[1].second.get("Fn::Or")->items().size() == 10);
  auto twenty = sam::combinedConditions("C", numbered("X", 20));
  REQUIRE(twenty.size() == 3);
  CHECK(twenty[0].first == "C2");
  CHECK(twenty[1].first == "C1");
  CHECK(twenty[2].first == "C");
  CHECK(twenty[2].second.get("Fn::Or")->items().size() == 2);
}

TEST_CASE("the condition SAM names for an API path", "[sam][conditions]") {
  CHECK(sam::apiPathConditionName("ServerlessRestApi", "/sub") ==
        "ServerlessRestApiSLASHsubPathCondition");
  CHECK(sam::apiPathConditionName("MyApi", "/items/{id}/") ==
        "MyApiSLASHitemsSLASHOBidCBSLASHPathCondition");
}
