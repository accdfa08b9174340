#pragma once
// Hover text: the traffic-shifting schedule on a DeploymentPreference `Type`, the resources SAM
// generates on `AutoPublishAlias` (or on the logical ID of a function that has one), what a
// Ref, GetAtt, Sub variable or DependsOn names (its type and line), and the rule documentation on
// a position with a finding.

#include <optional>
#include <string>

#include "core/location.h"
#include "lsp/analysis.h"

namespace samshift::lsp {

struct HoverText {
  std::string markdown;
  core::Span span;  // what the hover is about
};

std::optional<HoverText> hoverAt(const Analysis& analysis, uint32_t offset);

// The parts, for tests.
std::optional<HoverText> deploymentTypeHover(const Analysis& analysis, uint32_t offset);
std::optional<HoverText> autoPublishAliasHover(const Analysis& analysis, uint32_t offset);
std::optional<HoverText> referenceHover(const Analysis& analysis, uint32_t offset);
std::optional<HoverText> diagnosticHover(const Analysis& analysis, uint32_t offset);

}  // namespace samshift::lsp
