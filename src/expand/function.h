#pragma once
// AWS::Serverless::Function expansion.

#include <optional>
#include <string>

#include "expand/context.h"
#include "model/template.h"
#include "sam/parameter_values.h"
#include "sam/template_index.h"

namespace samshift::expand {

void expandFunction(ExpandContext& ctx, const model::ResourceView& resource);

// The logical ID of the AWS::Lambda::Version that expanding the template gives this function
// (`<Function>Version<hash>`), computed from the function alone (its properties with Globals,
// its layers), so that the language server's hover costs one function, not the template.
// Nothing when the function publishes no version, or SAM rejects it, or samshift cannot expand it.
// `index`: the template's sam::TemplateIndex, when the caller keeps one (whether SAM rejects the
// function depends on the functions before it); without one, it is worked out for this call.
std::optional<std::string> functionVersionLogicalId(const model::Template& templ,
                                                    const model::ResourceView& resource,
                                                    const sam::ParameterValues& params,
                                                    const sam::TemplateIndex* index = nullptr);

}  // namespace samshift::expand
