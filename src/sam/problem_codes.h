#pragma once
// The codes of the problems the SAM transform reports (SamProblem::code), in one table: `expand`
// turns them into errors, lint rules word them (each code has exactly one rule that declares it,
// tests/sam_invariant_test.cc checks the mapping), and plan names them as the reason a
// deployment has no plan.

#include <span>
#include <string_view>

namespace samshift::sam {

enum class ProblemScope {
  kTemplate,   // a section or the shape of the template: SAM stops before the resources
  kResource,   // one resource's properties: SAM reports the first per resource
  kGenerated,  // a resource SAM generates (its logical ID): each one is reported
  kConnector,  // a connector of a `Connectors` attribute: each one is reported
};

enum class ProblemConcern {
  kTransform,   // SAM cannot transform the template
  kDeployment,  // versions, aliases, traffic shifting: plan gives it as why there is no plan
  // `sam package` and `sam deploy` rewrite the value before the transform sees it (a local
  // `CodeUri` path becomes an S3 URI): only a transform run on the raw template rejects it.
  kPackaging,
};

struct ProblemCode {
  std::string_view code;  // "alias-name-invalid"
  ProblemScope scope;
  std::string_view what;  // one line, for people reading the table and the tests
  ProblemConcern concern;
};

// Every code src/sam reports, template-level codes first.
std::span<const ProblemCode> problemCodes();

// The entry of `code`; null for a code that is not in the table.
const ProblemCode* findProblemCode(std::string_view code);

}  // namespace samshift::sam
