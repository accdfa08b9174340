#pragma once
// The three renderings of a plan (one formatter per file): a readable table per deployment, a
// JSON document (schema in man/samshift.1, PLAN JSON), and one SVG chart of all deployments; and
// of its routes (plan/routes.h): a tree per caller and stage, JSON (man/samshift.1, ROUTES JSON;
// docs/plan-routes.schema.json), and an SVG panel. Pure: they return text and never print.

#include <string>
#include <string_view>
#include <vector>

#include "plan/deployments.h"
#include "plan/routes.h"

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

std::string renderRoutesText(const std::vector<Route>& routes, std::string_view templateName);
// `deployments`: also list them (`--view all`), as renderJson does, before the routes.
std::string renderRoutesJson(const std::vector<Route>& routes,
                             const std::vector<Deployment>* deployments,
                             std::string_view templateName);
SvgSize routesSvgSize(const std::vector<Route>& routes);
std::string renderRoutesSvg(const std::vector<Route>& routes, std::string_view templateName);
// Two of these images, `top` above `bottom`, as one.
std::string stackSvg(const std::string& top, SvgSize topSize, const std::string& bottom,
                     SvgSize bottomSize);

}  // namespace samshift::plan
