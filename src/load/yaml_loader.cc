#include "load/yaml_loader.h"

#include "load/text_checks.h"
#include "load/tree_builder.h"

namespace samshift::load {

void loadYaml(model::Document& doc, const LoadLimits& limits, YamlParser parser) {
  doc.format = model::Format::kYaml;
  doc.parsed = false;
  if (auto unreadable = findUnreadableText(doc.source.text(), limits)) {
    doc.problems.push_back(*unreadable);
    return;
  }
  TreeBuilder builder(doc.source.text(), limits, doc.problems);
  std::optional<model::LoadProblem> problem = parser == YamlParser::kLibyaml
                                                  ? parseWithLibyaml(doc.source.text(), builder)
                                                  : parseWithYamlCpp(doc.source.text(), builder);
  if (problem) {
    doc.problems.push_back(*problem);
    return;
  }
  if (builder.stopped()) return;
  doc.root = builder.takeRoot();
  doc.parsed = true;
  for (const model::LoadProblem& found : doc.problems) {
    if (found.kind == model::ProblemKind::kSyntax) doc.parsed = false;
  }
}

}  // namespace samshift::load
