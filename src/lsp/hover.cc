#include "lsp/hover.h"

#include "engine/registry.h"
#include "expand/function.h"
#include "lsp/node_at.h"
#include "model/template.h"
#include "plan/deployments.h"
#include "plan/schedule.h"
#include "sam/deployment_configs.h"
#include "sam/deployment_model.h"
#include "sam/parameter_values.h"

namespace samshift::lsp {

namespace {

std::string code(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '`';
  out += text;
  out += '`';
  return out;
}

std::string joinCodes(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + code(names[i]);
  return out;
}

// The resource a path under `Resources` belongs to, or empty.
std::string_view resourceOf(const NodeAt& at) {
  std::vector<std::string_view> keys = at.keys();
  if (keys.size() >= 2 && keys[0] == "Resources") return keys[1];
  return {};
}

bool underGlobalsFunction(const NodeAt& at) {
  std::vector<std::string_view> keys = at.keys();
  return keys.size() >= 2 && keys[0] == "Globals" && keys[1] == "Function";
}

// The span the cursor is on: the key when on a key, else the value.
core::Span hoveredSpan(const NodeAt& at) {
  const NodeStep& last = at.steps.back();
  return at.onKey && last.keyNode ? last.keyNode->span() : last.node->span();
}

std::string describeDeployment(const plan::Deployment& deployment) {
  std::string config =
      deployment.config.empty() ? "Unknown configuration:" : "**" + deployment.config + "**";
  std::string out = config + " traffic shifting for " + code(deployment.resource);
  if (!deployment.alias.empty()) out += ", alias " + code(deployment.alias);
  out += "\n\n";
  if (!deployment.planned) {
    out += "No deployment will run: " + deployment.reason + "\n";
    return out;
  }
  if (deployment.schedule) {
    out += plan::describeSchedule(*deployment.schedule) + ".\n";
    std::vector<plan::Step> steps = deployment.steps();
    if (steps.size() > 1) {
      out += "\n| minute | on the new version |\n|---:|---:|\n";
      for (const plan::Step& step : steps) {
        out += "| " + std::to_string(step.minute) + " | " + plan::formatPercent(step.percent) +
               "% |\n";
      }
    }
  } else {
    out += "The schedule is not known here";
    out += deployment.reason.empty() ? std::string(".") : ": " + deployment.reason + ".";
    out += "\n";
  }
  out += "\n";
  if (!deployment.hooks.preTraffic.empty()) {
    out += "- Before any traffic shifts, CodeDeploy runs the PreTraffic hook " +
           code(deployment.hooks.preTraffic) + ".\n";
  }
  if (!deployment.hooks.postTraffic.empty()) {
    out += "- After all traffic has shifted, CodeDeploy runs the PostTraffic hook " +
           code(deployment.hooks.postTraffic) + ".\n";
  }
  if (deployment.hooks.preTraffic.empty() && deployment.hooks.postTraffic.empty())
    out += "- No traffic hooks.\n";
  if (!deployment.alarms.empty()) {
    out += "- Alarms watched during the deployment: " + joinCodes(deployment.alarms) + ".\n";
  } else {
    out += "- No alarms: nothing stops a bad version automatically.\n";
  }
  if (!deployment.rollback.empty()) out += "- Rollback: " + deployment.rollback + ".\n";
  for (const std::string& note : deployment.notes) out += "- " + note + "\n";
  return out;
}

// A Type value in Globals (or one no deployment was found for): the schedule of the name alone.
std::string describeTypeValue(const model::Node& value) {
  if (!value.isString())
    return "A deployment type given by an intrinsic function; it is resolved at deploy time.\n";
  if (const sam::LambdaDeploymentConfig* config = sam::findLambdaDeploymentConfig(value.text())) {
    return "**" + value.text() + "** (" + config->fullName() +
           "): " + plan::describeSchedule(config->schedule) + ".\n";
  }
  return "**" + value.text() + "** is not one of CodeDeploy's predefined Lambda configurations.\n";
}

}  // namespace

std::optional<HoverText> deploymentTypeHover(const Analysis& analysis, uint32_t offset) {
  if (!analysis.document.parsed) return std::nullopt;
  NodeAt at = nodeAt(analysis.document.root, offset);
  if (!at.endsWith({"DeploymentPreference", "Type"})) return std::nullopt;
  const model::Node& value = *at.steps.back().node;
  const model::Template& templ = analysis.templ();
  sam::ParameterValues params(templ, {}, "us-east-1");
  std::string_view resource = resourceOf(at);
  if (!resource.empty()) {
    if (auto deployment = plan::findDeployment(templ, params, resource)) {
      return HoverText{describeDeployment(*deployment), hoveredSpan(at)};
    }
  }
  std::string text = describeTypeValue(value);
  if (underGlobalsFunction(at))
    text += "\nSet in `Globals`: every function with an `AutoPublishAlias` uses it.\n";
  return HoverText{text, hoveredSpan(at)};
}

std::optional<HoverText> autoPublishAliasHover(const Analysis& analysis, uint32_t offset) {
  if (!analysis.document.parsed) return std::nullopt;
  NodeAt at = nodeAt(analysis.document.root, offset);
  // On the AutoPublishAlias setting, or on the logical ID of a resource that has one.
  bool onLogicalId = at.onKey && at.keys().size() == 2;
  if (!at.endsWith({"Properties", "AutoPublishAlias"}) && !onLogicalId) return std::nullopt;
  std::string_view id = resourceOf(at);
  if (id.empty()) return std::nullopt;
  const model::Template& templ = analysis.templ();
  const model::ResourceView* resource = templ.resource(id);
  if (!resource) return std::nullopt;
  sam::ParameterValues params(templ, {}, "us-east-1");
  std::optional<sam::DeploymentModel> model = sam::readDeploymentModel(templ, *resource, params);
  if (!model || (onLogicalId && !model->autoPublishAlias.present())) return std::nullopt;
  std::optional<std::string> alias = model->aliasName();
  std::string shown = alias ? *alias : std::string("<alias>");
  std::string out = "SAM publishes a version of " + code(id) +
                    " on every deploy that changes it, and points alias " + code(shown) +
                    " at it. Resources it generates:\n\n";
  out += "| logical id | type |\n|---|---|\n";
  if (model->stateMachine) {
    out +=
        "| " + code(std::string(id) + "Version") + " | AWS::StepFunctions::StateMachineVersion |\n";
    out += "| " + code(std::string(id) + "Alias" + shown) +
           " | AWS::StepFunctions::StateMachineAlias |\n";
  } else {
    std::optional<std::string> versionId =
        expand::functionVersionLogicalId(templ, *resource, params, &analysis.samIndex());
    if (!versionId) {
      out += "| " + code(std::string(id) + "Version") + "*hash* | AWS::Lambda::Version |\n";
    } else {
      out += "| " + code(*versionId) + " | AWS::Lambda::Version |\n";
    }
    out += "| " + code(sam::aliasLogicalId(id, shown)) + " | AWS::Lambda::Alias |\n";
    const auto& preference = model->deploymentPreference;
    if (preference && preference->isEnabled()) {
      out += "| " + code("ServerlessDeploymentApplication") +
             " | AWS::CodeDeploy::Application (one per template) |\n";
      out += "| " + code(std::string(id) + "DeploymentGroup") +
             " | AWS::CodeDeploy::DeploymentGroup |\n";
      if (!preference->role.present() || !sam::pythonTruthy(preference->role.value)) {
        out += "| " + code("CodeDeployServiceRole") +
               " | AWS::IAM::Role (unless every preference has a `Role`) |\n";
      }
    }
    out +=
        "\nThe version's suffix is a hash of the code and properties: it changes with every change "
        "that publishes a new version. Refer to them as " +
        code("!Ref " + std::string(id) + ".Alias") + " and " +
        code("!Ref " + std::string(id) + ".Version") + ".\n";
  }
  if (!alias && !model->stateMachine) {
    out +=
        "\nThe alias name could not be resolved here (an intrinsic function or a parameter without "
        "a default).\n";
  }
  return HoverText{out, hoveredSpan(at)};
}

std::optional<HoverText> referenceHover(const Analysis& analysis, uint32_t offset) {
  if (!analysis.isTemplate || !analysis.document.parsed) return std::nullopt;
  const SymbolIndex& index = analysis.symbols();
  const Use* use = index.useAt(offset);
  const Definition* definition = use ? index.find(use->kind, use->name) : nullptr;
  if (!definition) return std::nullopt;
  std::string line =
      std::to_string(analysis.document.source.position(definition->key->span().begin).line);
  const model::Node* type =
      definition->value->isMapping() ? definition->value->get("Type") : nullptr;
  std::string typeText = type && type->isString() ? code(type->text()) : std::string();
  std::string out = code(definition->name) + ": ";
  switch (definition->kind) {
    case SymbolKind::kParameter:
      out += "parameter" + (typeText.empty() ? "" : " of type " + typeText);
      break;
    case SymbolKind::kResource:
      out += typeText.empty() ? std::string("resource") : typeText;
      break;
    case SymbolKind::kCondition:
      out += "condition";
      break;
    case SymbolKind::kMapping:
      out += "mapping";
      break;
    case SymbolKind::kOutput:
      out += "output";
      break;
  }
  out += ", defined at line " + line + " (`" + std::string(sectionOf(definition->kind)) + "`).\n";
  if (use->generated) {
    core::Span written = use->written.known() ? use->written : use->span;
    std::string name = written.known() ? analysis.document.source.text().substr(
                                             written.begin, written.end - written.begin)
                                       : use->name;
    out += "\n" + code(name) + " is a name the SAM transform generates from " +
           code(definition->name) + ".\n";
  }
  return HoverText{out, use->written.known() ? use->written : use->site};
}

std::optional<HoverText> diagnosticHover(const Analysis& analysis, uint32_t offset) {
  std::string out;
  core::Span span;
  std::vector<std::string_view> shown;
  for (const core::Diagnostic& diagnostic : analysis.diagnostics) {
    if (!diagnostic.span.known() || offset < diagnostic.span.begin || offset > diagnostic.span.end)
      continue;
    bool seen = false;
    for (std::string_view c : shown) seen = seen || c == diagnostic.code;
    if (seen) continue;
    shown.push_back(diagnostic.code);
    if (!out.empty()) out += "\n---\n\n";
    if (!span.known()) span = diagnostic.span;
    const engine::Rule* rule = engine::Registry::instance().find(diagnostic.code);
    out += "**" + diagnostic.code + "** " + code(diagnostic.slug) + " (" +
           std::string(core::severityName(diagnostic.severity)) + ")\n\n";
    if (rule) {
      out += std::string(rule->info().summary) + "\n\n" + std::string(rule->info().doc);
    } else {
      out += diagnostic.message + "\n";
    }
  }
  if (out.empty()) return std::nullopt;
  return HoverText{out, span};
}

std::optional<HoverText> hoverAt(const Analysis& analysis, uint32_t offset) {
  std::optional<HoverText> subject = deploymentTypeHover(analysis, offset);
  if (!subject) subject = autoPublishAliasHover(analysis, offset);
  if (!subject) subject = referenceHover(analysis, offset);
  std::optional<HoverText> rule = diagnosticHover(analysis, offset);
  if (subject && rule) {
    subject->markdown += "\n---\n\n" + rule->markdown;
    return subject;
  }
  return subject ? subject : rule;
}

}  // namespace samshift::lsp
