// sam::ParameterValues: SAM's resolution of parameter references, and the guards SAM lacks (a
// value that refers back to its parameter, depth, growth).

#include <catch2/catch.hpp>
#include <string>

#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"

using namespace samshift;
using model::Node;
using sam::ResolveFailure;

namespace {

struct Loaded {
  model::Document document;
  model::Template templ;
  sam::ParameterValues params;

  explicit Loaded(const std::string& yaml)
      : document(load::loadText("t.yaml", yaml)),
        templ(document.root),
        params(templ, {}, "us-east-1") {
    REQUIRE(document.parsed);
  }
  // `node` is resolved as SAM resolves a property's value.
  sam::Resolved resolve(const std::string& yaml) const {
    model::Document value = load::loadText("v.yaml", yaml);
    REQUIRE(value.parsed);
    return params.resolveWithMappings(value.root);
  }
  std::string textAt(core::Span span) const {
    return document.source.text().substr(span.begin, span.end - span.begin);
  }
};

// P1: [!Ref P2], P2: [!Ref P3], …, P<n>: [!Ref P<n+1>], P<n+1>: leaf — nested n levels once
// resolved.
std::string chainedParameters(int n) {
  std::string out = "Parameters:\n";
  for (int i = 1; i <= n; ++i) {
    out += "  P" + std::to_string(i) + ":\n    Type: String\n    Default: [!Ref P" +
           std::to_string(i + 1) + "]\n";
  }
  return out + "  P" + std::to_string(n + 1) +
         ":\n    Type: String\n    Default: Linear10PercentEvery1Minute\n";
}

// Expands a template with one shifting function whose DeploymentPreference Type is `type`,
// after `sections` (Parameters, Mappings …).
expand::ExpandResult expandShifting(const std::string& sections, const std::string& type) {
  std::string yaml =
      "Transform: AWS::Serverless-2016-10-31\n" + sections +
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      Runtime: python3.12\n      Handler: index.handler\n      InlineCode: x\n"
      "      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: " +
      type + "\n";
  model::Document document = load::loadText("t.yaml", yaml);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  return expand::expandTemplate(document.root, sam::ParameterValues(templ, {}, "us-east-1"));
}

size_t listDepth(const Node& node) {
  size_t depth = 0;
  const Node* at = &node;
  while (at->isSequence() && at->items().size() == 1) {
    at = &at->items()[0];
    ++depth;
  }
  return depth;
}

}  // namespace

TEST_CASE("a Ref becomes the parameter's value, and what that value contains is resolved too",
          "[sam][values]") {
  Loaded t(
      "Parameters:\n  A: {Type: String, Default: [!Ref B, x]}\n  B: {Type: String, Default: b}\n");
  sam::Resolved resolved = t.resolve("{Name: !Ref A, Text: !Sub '${B}-${AWS::Region}'}");
  REQUIRE_FALSE(resolved.failure);
  CHECK(resolved.value.sameValue(
      load::loadText("v.yaml", "{Name: [b, x], Text: !Sub 'b-us-east-1'}").root));
}

TEST_CASE("a value that refers back to its parameter is a cycle, with the path and the place",
          "[sam][values]") {
  const char* kShapes[][3] = {
      {"  Stage: {Type: String, Default: {X: !Ref Stage}}\n", "`Stage` → `Stage`", "!Ref Stage"},
      {"  Stage: {Type: String, Default: [!Ref Stage]}\n", "`Stage` → `Stage`", "!Ref Stage"},
      {"  Stage: {Type: String, Default: !Sub ['${X}', {X: !Ref Stage}]}\n", "`Stage` → `Stage`",
       "!Ref Stage"},
      {"  Stage: {Type: String, Default: !FindInMap [M, !Ref Stage, k]}\n", "`Stage` → `Stage`",
       "!Ref Stage"},
      {"  Stage: {Type: String, Default: {X: !Ref Other}}\n  Other: {Type: String, Default: [!Ref "
       "Stage]}\n",
       "`Stage` → `Other` → `Stage`", "!Ref Stage"},
  };
  for (const auto& shape : kShapes) {
    INFO(shape[0]);
    Loaded t(std::string("Parameters:\n") + shape[0]);
    sam::Resolved resolved = t.resolve("!Ref Stage");
    REQUIRE(resolved.failure);
    CHECK(resolved.failure->kind == ResolveFailure::Kind::kCycle);
    CHECK(resolved.failure->describe() ==
          std::string("parameter `Stage` whose value refers back to itself (") + shape[1] + ")");
    CHECK(t.textAt(resolved.failure->at) == shape[2]);
    // Reached from another parameter, the loop is reported from where it starts.
    Loaded outer(std::string("Parameters:\n") + shape[0] +
                 "  Outer: {Type: String, Default: [!Ref Stage]}\n");
    sam::Resolved throughOuter = outer.resolve("!Ref Outer");
    REQUIRE(throughOuter.failure);
    CHECK(throughOuter.failure->chain.front() == "Stage");
  }
}

TEST_CASE("a Default that is a bare Ref is substituted once, as SAM does: no cycle",
          "[sam][values]") {
  Loaded self("Parameters:\n  Stage: {Type: String, Default: !Ref Stage}\n");
  sam::Resolved resolved = self.resolve("!Ref Stage");
  CHECK_FALSE(resolved.failure);
  CHECK(resolved.value.sameValue(load::loadText("v.yaml", "{Ref: Stage}").root));
  Loaded pair(
      "Parameters:\n  A: {Type: String, Default: !Ref B}\n  B: {Type: String, Default: !Ref A}\n");
  sam::Resolved one = pair.resolve("[!Ref A, !Ref B]");
  CHECK_FALSE(one.failure);
  CHECK(one.value.sameValue(load::loadText("v.yaml", "[{Ref: B}, {Ref: A}]").root));
  // The same parameter twice side by side is no loop either.
  Loaded twice(
      "Parameters:\n  A: {Type: String, Default: [!Ref B, !Ref B]}\n  B: {Type: String, Default: "
      "b}\n");
  CHECK_FALSE(twice.resolve("[!Ref A, !Ref A]").failure);
}

TEST_CASE("resolution follows values nested up to kMaxResolvedDepth, and no deeper",
          "[sam][values]") {
  constexpr int kLimit = static_cast<int>(sam::ParameterValues::kMaxResolvedDepth);
  Loaded legal(chainedParameters(kLimit));
  sam::Resolved deep = legal.resolve("!Ref P1");
  REQUIRE_FALSE(deep.failure);
  CHECK(listDepth(deep.value) == sam::ParameterValues::kMaxResolvedDepth);
  Loaded tooDeep(chainedParameters(kLimit + 1));
  sam::Resolved refused = tooDeep.resolve("!Ref P1");
  REQUIRE(refused.failure);
  CHECK(refused.failure->kind == ResolveFailure::Kind::kTooDeep);
  CHECK(refused.failure->describe() ==
        "a value nested more than 400 levels deep once parameters are substituted");
}

TEST_CASE("expand follows a chain of parameters as deep as SAM does, then says it stops",
          "[sam][values][expand]") {
  // 400 levels: SAM's output (checked with sam-translate: equal as JSON) has the 400-deep Type in
  // the deployment group; 401: samshift stops (SAM itself fails near 490).
  auto expand = [](int levels) { return expandShifting(chainedParameters(levels), "!Ref P1"); };
  expand::ExpandResult legal = expand(400);
  REQUIRE_FALSE(legal.unsupported);
  REQUIRE(legal.errors.empty());
  const Node* group = legal.output.get("Resources")->get("FnDeploymentGroup");
  REQUIRE(group);
  // A Type that is not a string is passed through as the configuration name.
  const Node* config = group->get("Properties")->get("DeploymentConfigName");
  REQUIRE(config);
  CHECK(listDepth(*config) == 400);
  expand::ExpandResult refused = expand(401);
  REQUIRE(refused.unsupported);
  CHECK(*refused.unsupported ==
        "a value nested more than 400 levels deep once parameters are substituted");
}

TEST_CASE("substitutions that grow without a loop stop at the document's budget", "[sam][values]") {
  // P1: [P2, P2], P2: [P3, P3], …: 2^40 leaves once resolved.
  std::string yaml = "Parameters:\n";
  for (int i = 1; i <= 40; ++i) {
    std::string next = "!Ref P" + std::to_string(i + 1);
    yaml += "  P" + std::to_string(i) + ": {Type: String, Default: [" + next + ", " + next + "]}\n";
  }
  yaml += "  P41: {Type: String, Default: x}\n  Small: {Type: String, Default: s}\n";
  Loaded t(yaml);
  sam::Resolved resolved = t.resolve("!Ref P1");
  REQUIRE(resolved.failure);
  CHECK(resolved.failure->kind == ResolveFailure::Kind::kTooLarge);
  CHECK(resolved.failure->describe() == "parameter values that grow past 64 MiB once substituted");
  // The budget is the document's: once spent, every later substitution is refused too.
  CHECK(t.resolve("!Ref Small").failure);
  CHECK_FALSE(t.resolve("plain").failure);
}

TEST_CASE("Sub substitution counts against the budget too", "[sam][values]") {
  std::string big(1 << 20, 'x');
  Loaded t("Parameters:\n  Big: {Type: String, Default: " + big + "}\n");
  std::string sub = "!Sub '";
  for (int i = 0; i < 80; ++i) sub += "${Big}";
  sam::Resolved resolved = t.resolve(sub + "'");
  REQUIRE(resolved.failure);
  CHECK(resolved.failure->kind == ResolveFailure::Kind::kTooLarge);
}

TEST_CASE("a mapping value is walked into, as SAM's mappings resolver does, with cycles caught",
          "[sam][values]") {
  Loaded nested(
      "Mappings:\n  M:\n    a: {k: [!FindInMap [M, b, k]]}\n    b: {k: Canary10Percent5Minutes}\n"
      "    c: {k: b}\n");
  sam::Resolved inner = nested.resolve("!FindInMap [M, a, k]");
  REQUIRE_FALSE(inner.failure);
  CHECK(inner.value.sameValue(load::loadText("v.yaml", "[Canary10Percent5Minutes]").root));
  // SAM changes the template's own mapping value there: expand has to know.
  CHECK(inner.rewritesMappings);
  // A key may itself be a FindInMap, read as a string.
  sam::Resolved keyed = nested.resolve("!FindInMap [M, !FindInMap [M, c, k], k]");
  CHECK(keyed.value.sameValue(Node::string("Canary10Percent5Minutes")));
  CHECK_FALSE(keyed.rewritesMappings);

  Loaded loop(
      "Mappings:\n  M:\n    a: {k: [!FindInMap [M, b, k]]}\n    b: {k: {x: !FindInMap [M, a, "
      "k]}}\n");
  sam::Resolved cycle = loop.resolve("!FindInMap [M, a, k]");
  REQUIRE(cycle.failure);
  CHECK(cycle.failure->describe() ==
        "mapping entry `M.a.k` whose value refers back to itself (`M.a.k` → `M.b.k` → `M.a.k`)");
  CHECK(loop.textAt(cycle.failure->at) == "!FindInMap [M, a, k]");
}

TEST_CASE(
    "expand: a mapping value that refers back to itself, or that SAM rewrites in place, is not "
    "supported",
    "[sam][values][expand]") {
  auto expand = [](const std::string& mappings) {
    return expandShifting("Mappings:\n  M:\n" + mappings, "!FindInMap [M, a, k]");
  };
  // sam-translate: RecursionError (exit 3).
  expand::ExpandResult loop = expand("    a: {k: [!FindInMap [M, a, k]]}\n");
  REQUIRE(loop.unsupported);
  CHECK(
      *loop.unsupported ==
      "mapping entry `M.a.k` whose value refers back to itself (`M.a.k` → `M.a.k`), on which SAM's "
      "transform fails (RecursionError)");
  // sam-translate: exit 0, with Mappings.M.a.k rewritten to [Canary10Percent5Minutes] in its
  // output.
  expand::ExpandResult rewritten =
      expand("    a: {k: [!FindInMap [M, b, k]]}\n    b: {k: Canary10Percent5Minutes}\n");
  REQUIRE(rewritten.unsupported);
  CHECK(*rewritten.unsupported ==
        "an Fn::FindInMap inside a mapping value, which SAM resolves in place in the template's "
        "Mappings "
        "(Type of Fn)");
}

TEST_CASE(
    "what a deployment sees: decidable Fn::If taken, finished Fn::Sub as text, conditions once",
    "[sam][values]") {
  Loaded t(
      "Parameters:\n  Stage: {Type: String, Default: prod}\n  Count: {Type: Number, Default: 3}\n"
      "Mappings:\n  Sizes:\n    prod: {memory: 1024}\n"
      "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n  IsDev: !Not [!Condition IsProd]\n"
      "  Unknown: !Equals [!Ref AWS::AccountId, '1']\n  Loop: !Not [!Condition Loop]\n"
      "  Both: !And [!Condition IsProd, !Equals [!Ref Count, 3]]\n");
  CHECK(t.params.condition("IsProd") == true);
  CHECK(t.params.condition("IsDev") == false);
  CHECK(t.params.condition("Both") == true);
  CHECK_FALSE(t.params.condition("Unknown").has_value());
  CHECK_FALSE(t.params.condition("Loop").has_value());
  CHECK_FALSE(t.params.condition("Missing").has_value());
  model::Document value =
      load::loadText("v.yaml",
                     "{Memory: !FindInMap [Sizes, !Ref Stage, memory], Name: !If [IsDev, dev-fn, "
                     "!Sub '${Stage}-fn'],"
                     " Literal: !Sub 'a-${!Literal}', Open: !If [Unknown, a, b]}");
  sam::Resolved seen = t.params.resolveForDeployment(value.root);
  REQUIRE_FALSE(seen.failure);
  CHECK(seen.value.sameValue(
      load::loadText(
          "e.yaml",
          "{Memory: 1024, Name: prod-fn, Literal: 'a-${Literal}', Open: !If [Unknown, a, b]}")
          .root));
}

TEST_CASE("the strings lint reads: the template's Defaults only, one level, both branches",
          "[sam][values]") {
  Loaded t(
      "Parameters:\n  Type: {Type: String, Default: Linear10PercentEvery1Minute, AllowedValues: "
      "[AllAtOnce]}\n"
      "  Inner: {Type: String, Default: !Ref Type}\n  NoDefault: {Type: String}\n");
  sam::ParameterValues lint(t.templ);
  auto node = [](const std::string& yaml) { return load::loadText("v.yaml", yaml).root; };
  CHECK(lint.string(node("plain")) == "plain");
  CHECK(lint.string(node("!Ref Type")) == "Linear10PercentEvery1Minute");
  CHECK_FALSE(lint.string(node("!Ref Inner")));        // substituted once: `{Ref: Type}`
  CHECK_FALSE(lint.string(node("!Ref NoDefault")));    // known at deployment only
  CHECK_FALSE(lint.string(node("!Ref AWS::Region")));  // lint does not know the region
  CHECK(t.params.string(node("!Ref AWS::Region")) == "us-east-1");
  CHECK(lint.possibleStrings(node("!If [C, !Ref Type, x]")) ==
        std::vector<std::string>{"Linear10PercentEvery1Minute", "AllAtOnce", "x"});
  CHECK_FALSE(lint.possibleStrings(node("!If [C, !Ref NoDefault, x]")));
  // Each level of Fn::If doubles the values: deeper than kMaxBranchDepth is unknown.
  std::string nested = "x";
  for (size_t i = 0; i <= sam::ParameterValues::kMaxBranchDepth; ++i)
    nested = "!If [C, " + nested + ", y]";
  CHECK_FALSE(lint.possibleStrings(node(nested)));
}
