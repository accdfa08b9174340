#pragma once
// The three renderings of a plan (one formatter per file): a readable table per deployment, a
// JSON document (schema in man/samshift.1, PLAN JSON), and one SVG chart of all deployments.
// Pure: they return text and never print.

#include <string>
#include <string_view>
#include <vector>

#include "plan/deployments.h"

namespace samshift::plan {

std::string renderText(const std::vector<Deployment>& deployments, std::string_view templateName);
std::string renderJson(const std::vector<Deployment>& deployments, std::string_view templateName);

// The chart's fixed geometry, so that tests and callers know the image size.
struct SvgSize {
  int width = 0;
  int height = 0;
};
SvgSize svgSize(const std::vector<Deployment>& deployments);
std::string renderSvg(const std::vector<Deployment>& deployments, std::string_view templateName);

}  // namespace samshift::plan
