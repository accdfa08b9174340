// T007: a template over CloudFormation's limits, counted after the SAM transform.

#include <string>

#include "engine/registry.h"
#include "rules/shared/sam_facts.h"
#include "sam/generated_resources.h"

namespace samshift::rules {

namespace {

using model::Node;

// CloudFormation's quotas (AWS CloudFormation User Guide, "Understand CloudFormation quotas").
constexpr size_t kMaxTemplateBytes = 1024 * 1024;  // a template body in S3
constexpr size_t kMaxResources = 500;
constexpr size_t kMaxSectionEntries = 200;  // Parameters, Outputs, Mappings

class OverCloudFormationLimits : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T007", "over-cloudformation-limits", core::Severity::kError,
        "The template, once SAM has expanded it, is over a CloudFormation limit",
        R"(## What it does
Checks the template against CloudFormation's quotas: a body of at most 1 MB (1,048,576 bytes,
the limit for a template uploaded to S3), at most 500 resources, and at most 200 parameters,
outputs and mappings. Resources are counted as CloudFormation sees them, after the SAM
transform: each serverless resource with what SAM generates for it (execution role, alias and
published version, deployment group, event sources and their permissions, function URL, …) and
the CodeDeploy application and role SAM shares between functions. The count is a floor (API
methods and connectors add more), so a finding is certain.

## Why is this bad?
CloudFormation rejects the change set ("Template format error: Number of resources, 512, is
greater than maximum allowed, 500") after packaging and uploading, late in a pipeline; a
template written with 300 resources can cross the limit once SAM has expanded it, which no
check of the written template shows.

## Example
```yaml
# 100 functions, each with AutoPublishAlias and a DeploymentPreference with hooks: about
# 800 resources once expanded.
```

## Use instead
Split the application into nested stacks (`AWS::Serverless::Application` with a local
`Location`) or several stacks, each well under 500 resources once expanded.
)"};
    return kInfo;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    const Node& root = context.document.root;
    size_t bytes = context.document.source.text().size();
    if (bytes > kMaxTemplateBytes) {
      // At the first key, not the whole document: an editor underlines one word.
      const Node& at =
          root.isMapping() && !root.entries().empty() ? root.entries().front().key : root;
      reporter.report(at, "The template is " + std::to_string(bytes) +
                              " bytes; CloudFormation accepts at most " +
                              std::to_string(kMaxTemplateBytes) + " (1 MB)");
    }
    for (const char* section : {"Parameters", "Outputs", "Mappings"}) {
      const model::MapEntry* entry = root.isMapping() ? root.entry(section) : nullptr;
      if (entry && entry->value.isMapping() && entry->value.size() > kMaxSectionEntries) {
        reporter.report(entry->key, "`" + std::string(section) + "` has " +
                                        std::to_string(entry->value.size()) +
                                        " entries; CloudFormation allows " +
                                        std::to_string(kMaxSectionEntries));
      }
    }
    checkResourceCount(context, reporter);
  }

 private:
  static void checkResourceCount(const engine::RuleContext& context, engine::Reporter& reporter) {
    const model::Template& templ = context.templ;
    const model::MapEntry* resources =
        context.document.root.isMapping() ? context.document.root.entry("Resources") : nullptr;
    if (!resources || !resources->value.isMapping()) return;
    size_t written = resources->value.size();
    // Without the transform the written resources are the stack's.
    if (!templ.isSam() && written <= kMaxResources) return;
    const SamFacts& facts = samFacts(context);
    size_t count = 0;
    bool anyGroup = false, anyWithoutRole = false;
    for (const model::ResourceView& resource : templ.resources()) {
      if (!templ.isSam() || !resource.isServerless()) {
        ++count;
        continue;
      }
      const std::optional<sam::DeploymentModel>& model = facts.deploymentModel(resource);
      count += sam::expandedResourceFloor(templ, resource, facts.mergedProperties(resource), model);
      if (model && !model->stateMachine && model->aliasName() && model->deploymentPreference &&
          model->deploymentPreference->isEnabled()) {
        anyGroup = true;
        anyWithoutRole = anyWithoutRole || !model->deploymentPreference->role.present();
      }
    }
    count += sam::sharedCodeDeployResources(anyGroup, anyWithoutRole);
    if (count <= kMaxResources) return;
    std::string message = templ.isSam() && count != written
                              ? "At least " + std::to_string(count) +
                                    " resources once SAM expands the template (" +
                                    std::to_string(written) + " written)"
                              : std::to_string(count) + " resources";
    reporter.report(resources->key, message + "; CloudFormation allows " +
                                        std::to_string(kMaxResources) + " in a stack");
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(OverCloudFormationLimits)

}  // namespace samshift::rules
