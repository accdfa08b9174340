// model::collectReferences: every form that names something, where the name starts, and what is
// not a reference (a Sub's own variables).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "load/loader.h"
#include "model/references.h"

namespace {

using samshift::model::ReferenceForm;

std::string formName(ReferenceForm form) {
  switch (form) {
    case ReferenceForm::kRef:
      return "Ref";
    case ReferenceForm::kGetAtt:
      return "GetAtt";
    case ReferenceForm::kSub:
      return "Sub";
    case ReferenceForm::kDependsOn:
      return "DependsOn";
    case ReferenceForm::kCondition:
      return "Condition";
    case ReferenceForm::kFindInMap:
      return "FindInMap";
  }
  return "?";
}

// "Form name→target@offset" for each site, in order.
std::vector<std::string> sitesOf(const std::string& yaml) {
  samshift::model::Document document = samshift::load::loadText("t.yaml", yaml);
  REQUIRE(document.parsed);
  std::vector<std::string> out;
  for (const auto& site : samshift::model::collectReferences(document.root)) {
    out.push_back(formName(site.form) + " " + site.name + "→" + std::string(site.target()) + "@" +
                  std::to_string(site.offset));
  }
  return out;
}

}  // namespace

TEST_CASE("collectReferences: each form, with where its name starts", "[model][references]") {
  CHECK(sitesOf("Conditions:\n  A: !Equals [!Ref P, x]\n  B: !Not [{Condition: A}]\n"
                "Resources:\n  R:\n    Type: T\n    Condition: B\n    DependsOn: [S, 5]\n"
                "    Properties:\n      X: !GetAtt S.Arn\n      Y: !GetAtt [Fn.Alias, !Ref Q]\n"
                "      Z: !Sub 'a${S}b${S.Arn}${!Lit}'\n      W: !If [B, !FindInMap [M, k, v], 1]\n"
                "Outputs:\n  O:\n    Condition: A\n    Value: !Ref Fn.Version\n") ==
        std::vector<std::string>{"Ref P→P@0", "Condition A→A@0", "Condition B→B@0",
                                 "DependsOn S→S@0", "GetAtt S.Arn→S@0",
                                 "GetAtt Fn.Alias.→Fn.Alias@0", "Ref Q→Q@0", "Sub S→S@3",
                                 "Sub S.Arn→S@8", "Condition B→B@0", "FindInMap M→M@0",
                                 "Condition A→A@0", "Ref Fn.Version→Fn.Version@0"});
}

TEST_CASE("collectReferences: a Sub's own variables are not references; odd shapes are walked",
          "[model][references]") {
  CHECK(sitesOf("Resources:\n  R:\n    Properties:\n"
                "      A: !Sub ['${X}-${Y}', {X: !Ref P}]\n"
                "      B: !Sub {Nested: !Ref Q}\n"
                "      C: !Sub [[!Ref S], {}]\n"
                "      D: {Condition: [1]}\n"
                "      E: !If [[1], !Ref T, 2]\n") ==
        std::vector<std::string>{"Sub Y→Y@7", "Ref P→P@0", "Ref Q→Q@0", "Ref S→S@0", "Ref T→T@0"});
  // A `Condition` key is a condition's name only as a resource's or an output's attribute.
  CHECK(sitesOf("Resources:\n  R:\n    Properties:\n      Statement: {Condition: X}\n").size() ==
        1);
  CHECK(sitesOf("Resources:\n  R:\n    Properties:\n      Policy:\n        Condition: X\n"
                "        Effect: Allow\n")
            .empty());
  CHECK(sitesOf("- a\n- !Ref B\n").empty());
}
